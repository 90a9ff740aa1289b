import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './generated-files.ts';

const run = promisify(execFile);

/**
 * The package as `npm pack` ships it: compiled dist/ (what `exports` and an installed `bin` use),
 * without src/. Built into a temporary folder so the checkout is left as it is.
 */
describe('the published package layout', () => {
  let pkg = '';
  beforeAll(async () => {
    pkg = await mkdtemp(join(tmpdir(), 'ses-contract-pkg-'));
    await run(join(ROOT, 'node_modules/.bin/tsc'), [
      '-p',
      join(ROOT, 'tsconfig.build.json'),
      '--outDir',
      join(pkg, 'dist'),
    ]);
    await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    await cp(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    await symlink(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  }, 120_000);
  afterAll(async () => {
    if (pkg) await rm(pkg, { recursive: true, force: true });
  });

  it('has a compiled file and its types for every export', async () => {
    const manifest = JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8')) as {
      exports: Record<string, string | { types: string; default: string }>;
    };
    for (const target of Object.values(manifest.exports)) {
      if (typeof target === 'string') continue;
      await expect(readFile(join(pkg, target.default), 'utf8')).resolves.toContain('export');
      await expect(readFile(join(pkg, target.types), 'utf8')).resolves.toContain('export');
    }
  });

  it('runs the installed CLI from dist/', async () => {
    const body = JSON.stringify({ Destination: { ToAddresses: ['bob@bücher.de'] }, Content: {} });
    const child = run('node', [join(pkg, 'bin/ses-contract.js'), 'validate', '-'], { encoding: 'utf8' });
    child.child.stdin?.end(body);
    const failure = await child.then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('C-ADDR4 /Destination/ToAddresses/0');
  });

  it('imports the engine from the compiled entry', async () => {
    const script = `const m = await import(${JSON.stringify(join(pkg, 'dist/src/index.js'))});
      console.log(JSON.stringify(m.validateSendEmail({ Content: {} }).map((v) => v.rule)));`;
    const { stdout } = await run('node', ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual(['C-CONT1', 'C-DEST2']);
  });
});
