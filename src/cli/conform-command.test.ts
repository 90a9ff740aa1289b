/** `ses-contract conform`: flags, exit codes, output, replay, and a target that dies mid-run. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../../conformance/fixtures/broken-servers.ts';
import { DEFAULT_REPLAY_FILE } from '../../conformance/runner/replay-file.ts';
import { startMockServer } from '../server/start-mock-server.ts';
import { type ConformFlags, runConformCommand } from './conform-command.ts';
import { main } from './main.ts';

const DEFAULTS: ConformFlags = {
  profile: 'documented',
  runs: 10,
  seed: 42,
  strict: false,
  from: 'sender@example.com',
  timeoutMs: 5000,
  concurrency: 4,
  reporter: 'pretty',
};

async function conform(flags: Partial<ConformFlags>) {
  let stdout = '';
  let stderr = '';
  const code = await runConformCommand(
    { ...DEFAULTS, ...flags },
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} },
  );
  return { code, stdout, stderr };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting there are none.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('conform flags', () => {
  it('--help exits 0; bad values exit 2', async () => {
    expect(await main(['conform', '--help'])).toBe(0);
    expect(await main(['conform', '--runs', '0'])).toBe(2);
    expect(await main(['conform', '--profile', 'smtp'])).toBe(2);
    expect(await main(['conform', '--reporter', 'html'])).toBe(2);
  });

  it('rejects an --only that selects nothing, a bad URL, a bad sender, a --path for many properties', async () => {
    expect((await conform({ only: 'no-such-property' })).code).toBe(2);
    expect((await conform({ baseUrl: 'ftp://example.com' })).code).toBe(2);
    const badFrom = await conform({ from: 'not an address' });
    expect(badFrom.code).toBe(2);
    expect(badFrom.stderr).toContain('--from');
    expect((await conform({ only: 'send-email/*', path: '0:1' })).code).toBe(2);
  });

  it('an unreachable target exits 2 with one clear line', async () => {
    const server = await startMockServer({ profile: 'documented', port: 0 });
    const url = server.url;
    await server.close();
    const { code, stderr, stdout } = await conform({ baseUrl: url, timeoutMs: 2000 });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(stdout).toBe('');
  });
});

describe('conform against the embedded reference mock', () => {
  it('passes, prints a progress line per property and the json report shape', async () => {
    const { code, stdout, stderr } = await conform({
      only: 'send-email/valid*,*/ids-are-unique',
      reporter: 'json',
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['profile', 'baseUrl', 'seed', 'strict', 'summary', 'results']);
    expect(report.seed).toBe(42);
    expect(report.summary).toMatchObject({ properties: 3, passed: 3, failed: 0 });
    expect(report.results[0]).toEqual({
      property: 'send-email/valid-request-is-accepted',
      operation: 'send-email',
      rules: ['C-W1'],
      status: 'passed',
      runs: 10,
    });
    expect(stderr.match(/^\[\d\/3\] ok {3}/gm)).toHaveLength(3);
  });

  it('writes JUnit XML with one testcase per property', async () => {
    const { code, stdout } = await conform({
      only: 'send-bulk-email/*C-BULK*',
      reporter: 'junit',
      profile: 'aws',
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(stdout.match(/<testcase /g)).toHaveLength(4);
  });

  it('CI=true fixes the seed at 42 unless --seed is given', async () => {
    let stdout = '';
    const { seed: _, ...flags } = DEFAULTS;
    await runConformCommand(
      { ...flags, only: 'send-email/valid*', runs: 1, reporter: 'json' },
      { stdout: (t) => (stdout += t), stderr: () => undefined, env: { CI: 'true' } },
    );
    expect(JSON.parse(stdout).seed).toBe(42);
  });
});

describe('conform against a broken implementation', () => {
  it('exits 1, shows the shrunk request, response, curl and replay command, and writes a replay file', async () => {
    const fixture = BROKEN_SERVERS.find((f) => f.name === 'accepts-unicode-domain');
    const server = await startMockServer({ profile: 'documented', port: 0, ...fixture?.options });
    try {
      const run = await conform({ baseUrl: server.url, only: 'C-ADDR4', runs: 50 });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('FAIL send-email/invalid-C-ADDR4-is-rejected');
      expect(run.stdout).toContain('C-ADDR4: a request that breaks C-ADDR4 was accepted');
      expect(run.stdout).toMatch(/Response:\n {4}200\n/);
      expect(run.stdout).toMatch(
        /curl -sS -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/v2\/email\/outbound-emails'/,
      );
      expect(run.stdout).toMatch(
        /ses-contract conform --base-url http:\/\/127\.0\.0\.1:\d+ --profile documented --seed 42 --only send-email\/invalid-C-ADDR4-is-rejected --path \d+(:\d+)*/,
      );
      expect(RAW_CONTROL.test(run.stdout)).toBe(false);
      expect(run.stderr).toContain(`failures written to ${DEFAULT_REPLAY_FILE}`);
      const replay = JSON.parse(await readFile(DEFAULT_REPLAY_FILE, 'utf8'));
      expect(replay.failures.map((f: { property: string }) => f.property)).toContain(
        'send-email/invalid-C-ADDR4-is-rejected',
      );

      // The replay command itself reproduces the failure from seed and path alone.
      const path = /--path (\S+)/.exec(run.stdout)?.[1] as string;
      const again = await conform({
        baseUrl: server.url,
        only: 'send-email/invalid-C-ADDR4-is-rejected',
        path,
        runs: 50,
      });
      expect(again.code).toBe(1);

      const replayed = await conform({ baseUrl: server.url, replay: DEFAULT_REPLAY_FILE, reporter: 'json' });
      expect(replayed.code).toBe(1);
      expect(JSON.parse(replayed.stdout).results.every((r: { runs: number }) => r.runs === 1)).toBe(true);
    } finally {
      await server.close();
    }
    // The same recorded cases against the reference: all rejected now.
    const fixed = await conform({ replay: DEFAULT_REPLAY_FILE });
    expect(fixed.code).toBe(0);
  });

  it('a replay of a signed run signs again, so a target that demands a signature still answers', async () => {
    const fixture = BROKEN_SERVERS.find((f) => f.name === 'accepts-unicode-domain');
    const signedOnly = (handle: (r: Request) => Promise<Response>) => (request: Request) =>
      request.headers.get('authorization')?.startsWith('AWS4-HMAC-SHA256')
        ? handle(request)
        : Promise.resolve(Response.json({ message: 'Missing Authentication Token' }, { status: 403 }));
    const server = await startMockServer({ profile: 'aws', port: 0, ...fixture?.options, wrap: signedOnly });
    try {
      const run = await conform({
        baseUrl: server.url,
        profile: 'aws',
        only: 'send-email/*C-ADDR4*',
        sign: true,
      });
      expect(run.code).toBe(1);
      const replay = JSON.parse(await readFile(DEFAULT_REPLAY_FILE, 'utf8'));
      expect(replay.sign).toEqual({ region: 'us-east-1' });
      const replayed = await conform({ baseUrl: server.url, replay: DEFAULT_REPLAY_FILE, reporter: 'json' });
      expect(replayed.code).toBe(1);
      const results = JSON.parse(replayed.stdout).results as Array<{ problem?: { rule: string } }>;
      expect(results.map((r) => r.problem?.rule)).toEqual(['C-ADDR4']);
    } finally {
      await server.close();
    }
  });

  it('a target that stops answering mid-run fails with exit 1 instead of hanging', async () => {
    let answered = 0;
    const server = await startMockServer({
      profile: 'documented',
      port: 0,
      wrap: (handle) => (request) =>
        ++answered > 40 ? new Promise<Response>(() => undefined) : handle(request),
    });
    try {
      const started = Date.now();
      const run = await conform({ baseUrl: server.url, runs: 20, timeoutMs: 300 });
      expect(run.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(run.stdout).toContain('The target stopped answering during the run');
      expect(run.stdout).toMatch(/timeout/);
    } finally {
      // The hung connections would keep close() waiting; the test only needs the port freed eventually.
      void server.close();
    }
  }, 30_000);
});
