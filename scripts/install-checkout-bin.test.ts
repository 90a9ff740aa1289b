/**
 * The checkout's bin (TypeScript sources through tsx's loader) from a directory outside the
 * repository: the loader must be found from the package, for the CLI and for the embedded mock's
 * child process, never from the cwd. The installed bin is covered by install-from-tarball.test.ts.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './generated-files.ts';

const execFileAsync = promisify(execFile);

type Outcome = { code: number; stdout: string; stderr: string };

function runBin(args: string[], cwd: string): Promise<Outcome> {
  return execFileAsync(process.execPath, [join(ROOT, 'bin/ses-contract.js'), ...args], { cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Outcome) => error,
  );
}

describe("the checkout's bin outside the repository", { timeout: 60_000 }, () => {
  let elsewhere = '';
  beforeAll(async () => {
    elsewhere = await mkdtemp(join(tmpdir(), 'ses-contract-cwd-'));
  });
  afterAll(async () => {
    if (elsewhere) await rm(elsewhere, { recursive: true, force: true });
  });

  it('prints help', async () => {
    const result = await runBin(['--help'], elsewhere);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Usage: ses-contract');
  });

  it('ends quietly when its reader closes the pipe early (`--help | head -1`)', async () => {
    const bin = join(ROOT, 'bin/ses-contract.js');
    const { stdout, stderr } = await execFileAsync(
      'sh',
      ['-c', `"${process.execPath}" "${bin}" --help | head -1`],
      { cwd: elsewhere },
    );
    expect(stdout).toContain('Usage: ses-contract');
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
  });

  it('finishes a conform run whose reader closed the pipe: its exit code and replay file stay', async () => {
    const bin = join(ROOT, 'bin/ses-contract.js');
    // A target that answers 500 to everything fails every property, so the run writes a replay file.
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.writeHead(500).end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const { stdout, stderr } = await execFileAsync(
        'bash',
        [
          '-c',
          `set -o pipefail; "${process.execPath}" "${bin}" conform --runs 1 --seed 1 --only 'send-email/*' ` +
            `--base-url http://127.0.0.1:${port} | head -1; echo "exit=$?"`,
        ],
        { cwd: elsewhere },
      );
      expect(stderr).not.toMatch(/EPIPE|Unhandled/);
      expect(stdout).toMatch(/exit=1\s*$/);
      expect(existsSync(join(elsewhere, '.ses-contract/replay.json'))).toBe(true);
    } finally {
      server.close();
    }
  });

  it('runs conform against the embedded mock (a child process on the same loader)', async () => {
    const result = await runBin(
      ['conform', '--runs', '2', '--seed', '1', '--only', 'send-email/ids-are-unique'],
      elsewhere,
    );
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain('1 passed');
  });
});
