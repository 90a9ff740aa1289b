import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEND_EMAIL_PATH, validSendEmail } from '../server/sample-requests.test-support.ts';
import { startMockServer } from '../server/start-mock-server.ts';
import { type CliIo, main } from './main.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `main` as `bin/ses-contract.js` runs it, in a child process, so signals and exit codes are real. */
const harness = `
import { register } from 'tsx/esm/api';
register();
const { main } = await import('./src/cli/main.ts');
process.exitCode = await main(process.argv.slice(1));
`;

function captured(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      env: {},
      stdin: [],
      interactive: false,
    },
    out: () => out,
    err: () => err,
  };
}

describe('ses-contract proxy flags', () => {
  it('--help names every flag and the finding format', async () => {
    const { io, out } = captured();
    expect(await main(['proxy', '--help'], io)).toBe(0);
    for (const flag of ['--target', '--port', '--profile', '--strict', '--reject', '--log', '--timeout']) {
      expect(out()).toContain(flag);
    }
    expect(out()).toContain('"side":"request"');
  });

  it.each([
    [['proxy'], /--target/],
    [['proxy', '--target', 'ftp://example.com'], /--target ftp:\/\/example\.com is not an http\(s\) URL/],
    [['proxy', '--target', 'http://127.0.0.1:1', '--port', 'abc'], /--port must be an integer/],
    [['proxy', '--target', 'http://127.0.0.1:1', '--profile', 'sendgrid'], /--profile/],
  ])('%j: exit 2 with one line saying why', async (args, reason) => {
    const { io, err } = captured();
    expect(await main(args, io)).toBe(2);
    expect(err()).toMatch(reason);
    expect(err().trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('ses-contract proxy', () => {
  it('with --reject --log, refuses an invalid request, forwards a valid one, logs NDJSON and prints a summary on SIGTERM', async () => {
    const target = await startMockServer({ profile: 'documented' });
    const dir = await mkdtemp(join(tmpdir(), 'ses-contract-proxy-'));
    const log = join(dir, 'findings.ndjson');
    const child: ChildProcessWithoutNullStreams = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        harness,
        'proxy',
        '--target',
        target.url,
        '--port',
        '0',
        '--reject',
        '--log',
        log,
      ],
      { cwd: root },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 15 s: ${stdout}${stderr}`)), 15_000);
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
          const match = /listening on (http:\/\/[\d.:]+)/.exec(stdout);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const send = (body: unknown) =>
        fetch(`${url}${SEND_EMAIL_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const refused = await send({ ...validSendEmail(), FromEmailAddress: 'no-at-sign' });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
      const accepted = await send(validSendEmail());
      expect(accepted.status).toBe(200);
      await accepted.text();
      expect(target.app.messages.list()).toHaveLength(1);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      const lines = (await readFile(log, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toEqual([
        expect.objectContaining({ request: 'r1', side: 'request', rule: 'C-ADDR1', action: 'rejected' }),
      ]);
      expect(stderr).toMatch(/2 requests, 2 judged, 1 forwarded, 1 rejected by the proxy, 0 target failures/);
      expect(stderr).toMatch(/request\s+C-ADDR1\s+MUST\s+1/);
      expect(stdout).toContain('proxy: stopped (SIGTERM)');
    } finally {
      child.kill('SIGKILL');
      await target.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
