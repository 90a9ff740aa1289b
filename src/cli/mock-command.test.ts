import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEND_EMAIL_PATH, validSendEmail } from '../server/sample-requests.test-support.ts';
import { startMockServer } from '../server/start-mock-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `main` the way `bin/ses-contract.js` does (tsx's loader API) in a child process, so signals
 * and exit codes are real. Not `node --import tsx`: its preflight relays SIGINT itself.
 */
const harness = `
import { register } from 'tsx/esm/api';
register();
const { main } = await import('./src/cli/main.ts');
process.exitCode = await main(process.argv.slice(1));
`;

function runMock(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--input-type=module', '-e', harness, ...args], {
    cwd: root,
  });
}

function finished(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function firstUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed within 15 s: ${seen}`)), 15_000);
    child.stdout.on('data', (c: Buffer) => {
      seen += c.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
}

describe('ses-contract mock', () => {
  it('listens, prints its URL, serves the chosen profile and stops cleanly on SIGTERM', async () => {
    const child = runMock(['mock', '--port', '0', '--profile', 'aws', '--seed', '3']);
    const exit = finished(child);
    const url = await firstUrl(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${url}${SEND_EMAIL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validSendEmail()),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ MessageId: expect.any(String) });
    child.kill('SIGTERM');
    const { code, stdout } = await exit;
    expect(code).toBe(0);
    expect(stdout).toContain(`inbox: ${url}/_mock`);
    expect(stdout).toContain('mock: stopped (SIGTERM)');
  });

  it('--identities, --sandbox, --max-send-rate and Prefer: the issue 11 done-when through the CLI', async () => {
    const child = runMock([
      'mock',
      '--port',
      '0',
      '--profile',
      'aws',
      '--identities',
      'sender@example.com,example.org',
      '--sandbox',
      '--max-send-rate',
      '1',
    ]);
    const exit = finished(child);
    const url = await firstUrl(child);
    const send = (from: string, to: string, headers: Record<string, string> = {}) =>
      fetch(`${url}${SEND_EMAIL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          FromEmailAddress: from,
          Destination: { ToAddresses: [to] },
          Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
        }),
      }).then(async (r) => ({
        status: r.status,
        type: r.headers.get('x-amzn-errortype'),
        ...(await r.json()),
      }));
    try {
      expect(await send('x@evil.example', 'a@example.org')).toEqual({
        status: 400,
        type: 'MessageRejected',
        message:
          'Email address is not verified. The following identities failed the check in region US-EAST-1: x@evil.example',
      });
      expect((await send('sender@example.com', 'bob@example.net')).message).toMatch(/: bob@example\.net$/);
      expect(
        await send('sender@example.com', 'a@example.org', { prefer: 'error=SendingPausedException' }),
      ).toMatchObject({
        status: 400,
        type: 'SendingPausedException',
      });
      // Sent together, so both arrive within the same second whatever the machine's load.
      const pair = await Promise.all([
        send('sender@example.com', 'bounce@simulator.amazonses.com'),
        send('sender@example.com', 'success@simulator.amazonses.com'),
      ]);
      expect(pair.map((a) => a.status).sort()).toEqual([200, 429]);
      expect(pair.find((a) => a.status === 429)).toMatchObject({
        type: 'TooManyRequestsException',
        message: 'Maximum sending rate exceeded.',
      });
      const stored = (await (await fetch(`${url}/_aws/ses`)).json()).messages;
      expect(stored).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
    }
    const { code, stdout } = await exit;
    expect(code).toBe(0);
    expect(stdout).toContain('(aws profile, sandbox) listening on');
    expect(stdout).toContain('verified identities (us-east-1): sender@example.com, example.org');
  });

  it('stops on SIGINT too', async () => {
    const child = runMock(['mock', '--port', '0']);
    const exit = finished(child);
    await firstUrl(child);
    child.kill('SIGINT');
    expect((await exit).code).toBe(0);
  });

  it.each([
    [['--port', 'abc'], /--port must be an integer from 0 to 65535/],
    [['--port', '70000'], /--port must be an integer/],
    [['--latency', '-5'], /--latency must be an integer/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--profile', 'soap'], /Allowed choices are documented, aws/],
    [['--fail-rate', '2'], /--fail-rate must be a number from 0 to 1/],
    [['--max-send-rate', '0'], /--max-send-rate must be an integer from 1/],
    [['--identities', 'a@example.com,not an identity'], /"not an identity" is neither an address/],
    [['--region', 'Mars'], /--region must be an AWS region name/],
  ])('refuses %j with one line and exit code 2', async (args, message) => {
    const { code, stderr } = await finished(runMock(['mock', ...args]));
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('says in one line, with exit code 2, when the port is taken', async () => {
    const taken = await startMockServer({ profile: 'documented' });
    try {
      const { code, stderr } = await finished(runMock(['mock', '--port', new URL(taken.url).port]));
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^mock: cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    } finally {
      await taken.close();
    }
  });

  it('prints help with the endpoints and examples', async () => {
    const { code, stdout } = await finished(runMock(['mock', '--help']));
    expect(code).toBe(0);
    expect(stdout).toContain('--profile <name>');
    expect(stdout).toContain('GET  /_mock ');
    expect(stdout).toContain('ses-contract mock --profile aws --port 0 --seed 42');
  });
});
