// eslint 9 flat config: typescript-eslint's recommended rules, and the architecture's import
// boundaries as no-restricted-imports (README "Architecture"):
//   - the fetch and feed side never loads NLP code (no compromise, no src/extract, no src/clean);
//   - the core (src/clean, src/extract, src/record, src/text, src/pipeline.ts) never imports the
//     queue, the server, the store or the CLI;
//   - src/store never imports the queue or the server;
//   - nothing imports src/cli (bin/gleaner.js loads the built CLI).
// Formatting is prettier's job (npm run format), not eslint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NLP = [
  { group: ['compromise', 'compromise/*', 'compromise-*', 'fr-compromise'], message: 'the fetch/feed side never loads NLP code' },
  { group: ['**/extract/**', '**/clean/**', '**/pipeline.js'], message: 'the fetch/feed side never loads the cleaning or extraction core' },
];
const QUEUE_SERVER = [{ group: ['**/queue/**', '**/server/**'], message: 'lower layers never import the queue or the server' }];
const STORE = [{ group: ['**/store/**'], message: 'the pure core never imports the store (the record schema is in src/record)' }];
const CLI = [{ group: ['**/cli/**'], message: 'nothing imports the CLI' }];

/** One no-restricted-imports rule per folder (a later config replaces, not merges, a rule). */
const boundary = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Cleaning and decoding match control characters on purpose (binary sniffing, JSON repair).
      'no-control-regex': 'off',
    },
  },
  boundary(['src/**/*.ts'], CLI),
  boundary(['src/cli/**/*.ts'], []),
  boundary(['src/fetch/**/*.ts', 'src/feed/**/*.ts'], [...NLP, ...CLI]),
  boundary(
    ['src/clean/**/*.ts', 'src/extract/**/*.ts', 'src/record/**/*.ts', 'src/text/**/*.ts', 'src/pipeline.ts'],
    [...QUEUE_SERVER, ...STORE, ...CLI],
  ),
  boundary(['src/store/**/*.ts'], [...QUEUE_SERVER, ...CLI]),
);
