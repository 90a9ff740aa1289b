/**
 * Build step after `tsc -p tsconfig.build.json`: CommonJS-flavoured copies (`.d.cts`) of the
 * declarations of the msw entries, which package.json's `exports` hands to `require` resolution.
 *
 * Why: msw ships one set of types for `import` (`.d.mts`) and another for `require` (`.d.ts`), and
 * its handler classes have protected members, so TypeScript treats the two as unrelated types. A
 * CommonJS TypeScript project (`module: nodenext`, no `"type": "module"`) reads msw through
 * `require`; if our declarations, being ESM, read it through `import`, `setupServer(...createHandlers())`
 * fails with TS2345. The `.d.cts` copies are read in `require` mode, so they name the same msw types
 * as the user's own code. At run time there is one msw either way: on Node >= 20.19 both `require`
 * and `import` of msw load its `module-sync` entry.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ROOT } from './generated-files.ts';

const DIST = join(ROOT, 'dist');
const MOCKS = join(DIST, 'mocks');

/** The declarations under dist/mocks that import msw or each other (all of dist/mocks but prism). */
const MOCK_ENTRIES = ['index', 'node', 'browser', 'handlers'] as const;

/** `'./handlers.ts'` (or `.js`) → `'./handlers.cjs'`, which TypeScript maps to `handlers.d.cts`. */
const SIBLING = new RegExp(`(['"])\\./(${MOCK_ENTRIES.join('|')})\\.(?:ts|js)\\1`, 'g');

/** Declarations outside dist/mocks must not name msw: their ESM-only types would bring the clash back. */
async function assertNoMswOutsideMocks(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    if (file.startsWith(`${MOCKS}/`)) continue;
    if (/['"]msw(?:\/[^'"]*)?['"]/.test(await readFile(file, 'utf8')))
      throw new Error(
        `${relative(ROOT, file)} imports msw: only dist/mocks may (see ${relative(ROOT, import.meta.filename)})`,
      );
  }
}

await assertNoMswOutsideMocks(DIST);
for (const name of MOCK_ENTRIES) {
  const declarations = await readFile(join(MOCKS, `${name}.d.ts`), 'utf8');
  await writeFile(join(MOCKS, `${name}.d.cts`), declarations.replace(SIBLING, '$1./$2.cjs$1'));
}
