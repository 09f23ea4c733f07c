// The architecture's import boundaries (eslint.config.js, no-restricted-imports) hold: each forbidden
// import is reported in the folder it is forbidden in, and the same import is fine where it is allowed.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
});

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('import boundaries', { timeout: 60_000 }, () => {
  it.each([
    ['src/fetch/new.ts', "import x from 'compromise';"],
    ['src/feed/new.ts', "import { x } from '../extract/index.js';"],
    ['src/feed/new.ts', "import { x } from '../clean/index.js';"],
    ['src/clean/new.ts', "import { x } from '../store/types.js';"],
    ['src/extract/names/new.ts', "import { x } from '../../queue/steps.js';"],
    ['src/text/new.ts', "import { x } from '../server/app.js';"],
    ['src/pipeline.ts', "import { x } from './cli/main.js';"],
    ['src/store/new.ts', "import { x } from '../queue/steps.js';"],
    ['src/server/new.ts', "import { x } from '../cli/context.js';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  it.each([
    ['src/queue/new.ts', "import { x } from '../store/types.js';"],
    ['src/extract/new.ts', "import x from 'compromise';"],
    ['src/cli/new.ts', "import { x } from './context.js';"],
    ['src/server/new.ts', "import { x } from '../store/types.js';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
