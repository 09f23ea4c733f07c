// The one key used to compare names across gazetteers and mentions lives with the other folding
// keys in src/text/fold.ts.
export { nameKey } from '../../text/fold.js';
