import { readFileSync } from 'node:fs';

// Read once from package.json so records carry the version that made them.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
export const PIPELINE_VERSION: string = `gleaner/${pkg.version}`;
