/**
 * `npm run generate [-- --watch]`: writes `generated/` from `spec/`. With `--watch` it regenerates
 * whenever a spec file is saved, for the frontend workflow of editing the spec next to a running app.
 */
import { watch } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { generatedFiles, ROOT } from './generated-files.ts';

const OUT = `${ROOT}/generated`;

async function writeAll(): Promise<string[]> {
  const files = await generatedFiles();
  await mkdir(OUT, { recursive: true });
  for (const name of await readdir(OUT)) {
    if (!files.has(name)) await rm(`${OUT}/${name}`);
  }
  for (const [name, content] of files) await writeFile(`${OUT}/${name}`, content);
  return [...files.keys()];
}

async function run(): Promise<number> {
  let flags: { watch?: boolean; help?: boolean };
  try {
    flags = parseArgs({
      options: { watch: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    console.error(`generate: ${(error as Error).message}. See --help.`);
    return 2;
  }
  if (flags.help) {
    console.log(
      'Usage: npm run generate [-- --watch]\n\nWrites generated/ from spec/. --watch: regenerate on every spec save.',
    );
    return 0;
  }
  const written = await writeAll();
  console.log(`generate: wrote ${written.map((f) => `generated/${f}`).join(', ')}`);
  if (!flags.watch) return 0;
  console.log('generate: watching spec/ (Ctrl-C to stop)');
  let timer: NodeJS.Timeout | undefined;
  watch(`${ROOT}/spec`, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeAll().then(
        () => console.log(`generate: regenerated at ${new Date().toISOString()}`),
        (error: Error) => console.error(`generate: ${error.message}`),
      );
    }, 100);
  });
  return new Promise<number>(() => {});
}

process.exitCode = await run();
