import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './generated-files.ts';

const run = promisify(execFile);

/** The package's own names, as a user imports them, mapped to the sources for type checking. */
const SELF = {
  'ses-contract': 'src/index.ts',
  'ses-contract/conformance': 'conformance/index.ts',
  'ses-contract/mocks': 'mocks/index.ts',
  'ses-contract/mocks/node': 'mocks/node.ts',
  'ses-contract/mocks/browser': 'mocks/browser.ts',
};

describe('README examples', () => {
  it('every TypeScript block type-checks against the package as users import it', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    // Inside the checkout (in the ignored .ses-contract/), so the examples resolve node_modules and
    // are ES modules under the package's "type": "module", as in a user's project.
    await mkdir(join(ROOT, '.ses-contract'), { recursive: true });
    const dir = await mkdtemp(join(ROOT, '.ses-contract', 'readme-'));
    try {
      const files = await Promise.all(
        blocks.map(async (code, i) => {
          const file = join(dir, `example-${i}.ts`);
          // Blocks use values they leave to the reader (`body`); declare them, and make each a module.
          await writeFile(file, `declare const body: unknown;\nexport {};\n${code}`);
          return file;
        }),
      );
      const tsconfig = {
        extends: join(ROOT, 'tsconfig.json'),
        compilerOptions: {
          noEmit: true,
          baseUrl: ROOT,
          paths: Object.fromEntries(Object.entries(SELF).map(([name, path]) => [name, [path]])),
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        // The sources' own ambient declarations come along, as they do in the repository's build.
        files: [...files, join(ROOT, 'src/contract/address/punycode.d.ts')],
        include: [],
      };
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
      const result = await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')]).then(
        () => '',
        (error: { stdout: string }) => error.stdout,
      );
      expect(result).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
