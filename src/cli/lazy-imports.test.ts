/**
 * `--help`, `validate` and `mock` must not load the SigV4 libraries (@smithy/*, @aws-crypto/*):
 * only `conform --sign` needs them. Each command runs in a child process whose module resolution
 * refuses those packages, as an install without them would.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/ses-contract.js', import.meta.url));

const REFUSING_HOOKS = `
export async function resolve(specifier, context, next) {
  if (/^@(smithy|aws-crypto)\\//.test(specifier)) throw new Error('refused to load ' + specifier);
  return next(specifier, context);
}`;
const REGISTER = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(REFUSING_HOOKS)}));`;
const IMPORT_FLAG = `data:text/javascript,${encodeURIComponent(REGISTER)}`;

function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', IMPORT_FLAG, ...args], { encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('commands that never sign do not load the SigV4 libraries', () => {
  let dir = '';
  let request = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ses-contract-lazy-'));
    request = join(dir, 'request.json');
    await writeFile(request, JSON.stringify({ Content: {} }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the refusing resolver does refuse them (so the checks below can fail)', async () => {
    const probe = await node(['--input-type=module', '-e', "await import('@smithy/signature-v4')"]);
    expect(probe.code).not.toBe(0);
    expect(probe.stderr).toContain('refused to load @smithy/signature-v4');
  });

  it.each([
    [['--help'], 0],
    [['conform', '--help'], 0],
    [['mock', '--help'], 0],
    [['validate', '--help'], 0],
  ])('ses-contract %j exits %i', async (args, code) => {
    const result = await node([BIN, ...args]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(code);
  });

  it('validate checks a file', async () => {
    const result = await node([BIN, 'validate', request]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('C-CONT1 /Content');
  });
});
