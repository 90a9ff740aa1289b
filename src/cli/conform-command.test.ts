/** `ses-contract conform`: flags, exit codes, output, replay files, and a target that dies mid-run. */
import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../../conformance/fixtures/broken-servers.ts';
import {
  DEFAULT_REPLAY_FILE,
  MAX_STORED_COUNTEREXAMPLE_BYTES,
} from '../../conformance/runner/replay-file.ts';
import { validateSendEmail } from '../contract/validate-send-email.ts';
import { startMockServer } from '../server/start-mock-server.ts';
import { runCaptured } from './captured-main.test-support.ts';

const cli = runCaptured;

const conform = (...args: string[]) => cli(['conform', '--seed', '42', '--runs', '10', ...args]);

const lines = (text: string) => text.trim().split('\n');

// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting there are none.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A replay file as a run against a twin that accepts Unicode domains writes it. */
const recordedFile = () => ({
  version: 2,
  profile: 'documented',
  strict: false,
  from: 'sender@example.com',
  seed: 42,
  baseUrl: 'http://127.0.0.1:1',
  // Recorded against the embedded mock: a replay without --base-url starts one again.
  embedded: true,
  failures: [
    {
      property: 'send-email/invalid-C-ADDR4-is-rejected',
      operation: 'send-email',
      rules: ['C-ADDR4'],
      problem: { rule: 'C-ADDR4', message: 'accepted' },
      path: '0',
      replay: '',
      counterexample: {
        operation: 'send-email',
        breaks: 'C-ADDR4',
        reportedAs: ['C-ADDR4'],
        body: {
          FromEmailAddress: 'sender@example.com',
          Destination: { ToAddresses: ['bob@bücher.de'] },
          Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
        },
      },
    },
  ],
});

const RECORDED = join(tmpdir(), `ses-contract-recorded-${process.pid}.json`);
afterAll(() => rm(RECORDED, { force: true }));

const twin = (name: string) => BROKEN_SERVERS.find((f) => f.name === name)?.options ?? {};

describe('conform flags', () => {
  it('--help exits 0 and documents the exit codes; bad values exit 2 with one line', async () => {
    const help = await cli(['conform', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('3  a bug in ses-contract itself');
    for (const args of [
      ['--runs', '0'],
      ['--profile', 'smtp'],
      ['--reporter', 'xml'],
      ['--shard', '4/3'],
      ['--max-time', '0'],
      ['--no-such-flag'],
    ]) {
      const run = await cli(['conform', ...args]);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: .*\(see --help\)$/m);
    }
  });

  it.each([
    [['--only', 'no-such-property'], /--only no-such-property selects no property/],
    [['--base-url', 'ftp://example.com'], /--base-url ftp:\/\/example\.com is not an http\(s\) URL/],
    [['--from', 'not an address'], /--from not an address is not a valid sender address/],
    [['--only', 'send-email/*', '--path', '0:1'], /--path replays one property/],
    [['--region', 'eu-west-1'], /--region applies only with --sign/],
    [['--sign', '--region', 'Mars'], /--region Mars is not an AWS region name/],
  ])('%j is a usage error: exit 2, one line', async (args, message) => {
    const run = await conform(...args);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^conform: /);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('an unreachable target exits 2 with one clear line', async () => {
    const server = await startMockServer({ profile: 'documented', port: 0 });
    const url = server.url;
    await server.close();
    const { code, stderr, stdout } = await conform('--base-url', url, '--timeout-ms', '2000');
    expect(code).toBe(2);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(stdout).toBe('');
  });
});

describe('conform against the embedded reference mock', () => {
  it('passes, prints a progress line per property and the json report shape', async () => {
    const { code, stdout, stderr } = await conform(
      '--only',
      'send-email/valid*,*/ids-are-unique',
      '--reporter',
      'json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual([
      'profile',
      'baseUrl',
      'from',
      'seed',
      'strict',
      'selection',
      'summary',
      'results',
      'coverage',
    ]);
    expect(report.seed).toBe(42);
    // What a shard's selection depends on, so `report merge` can refuse shards of different runs.
    expect(report.selection).toEqual({ runs: 10, only: expect.any(Array), maxTimeMs: null });
    expect(report.summary).toMatchObject({ properties: 3, passed: 3, failed: 0 });
    expect(report.results[0]).toEqual({
      property: 'send-email/valid-request-is-accepted',
      operation: 'send-email',
      rules: ['C-W1'],
      level: 'MUST',
      status: 'passed',
      runs: 10,
      cases: 10,
      seed: expect.any(Number),
      durationMs: expect.any(Number),
    });
    expect(stderr.match(/^\[\d\/3\] ok {3}/gm)).toHaveLength(3);
  });

  it('on a terminal lists each property once, and says why C-MIME9 ran once', async () => {
    const { code, stdout, stderr } = await cli(
      ['conform', '--seed', '42', '--only', 'send-email/valid*,send-email/*C-MIME9*', '--runs', '3'],
      { interactive: true },
    );
    expect(code).toBe(0);
    const output = stdout + stderr;
    for (const property of [
      'send-email/valid-request-is-accepted',
      'send-email/invalid-C-MIME9-is-rejected',
    ]) {
      expect(output.split(property).length - 1).toBe(1);
    }
    expect(stderr).toMatch(/invalid-C-MIME9-is-rejected \(1 run, capped: each case is a 40 MiB request/);
  });

  it('writes JUnit XML with one testcase per property', async () => {
    const junit = await conform(
      '--only',
      'send-bulk-email/*C-BULK*',
      '--reporter',
      'junit',
      '--profile',
      'aws',
    );
    expect(junit.code).toBe(0);
    expect(junit.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(junit.stdout.match(/<testcase /g)).toHaveLength(4);
  });

  it('CI=true fixes the seed at 42 unless --seed is given', async () => {
    const run = await cli(['conform', '--only', 'send-email/valid*', '--runs', '1', '--reporter', 'json'], {
      env: { CI: 'true' },
    });
    expect(JSON.parse(run.stdout).seed).toBe(42);
  });
});

describe('conform against a broken implementation', () => {
  it('exits 1, shows the shrunk request, response, curl and replay command, and writes a replay file', async () => {
    const server = await startMockServer({
      profile: 'documented',
      port: 0,
      ...twin('accepts-unicode-domain'),
    });
    try {
      const run = await conform('--base-url', server.url, '--only', 'C-ADDR4', '--runs', '50');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('FAIL send-email/invalid-C-ADDR4-is-rejected');
      expect(run.stdout).toContain('C-ADDR4: a request that breaks C-ADDR4 was accepted');
      expect(run.stdout).toMatch(/Response:\n {4}200\n/);
      expect(run.stdout).toMatch(
        /curl -sS -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/v2\/email\/outbound-emails'/,
      );
      expect(run.stdout).toMatch(
        /npx ses-contract conform --base-url http:\/\/127\.0\.0\.1:\d+ --profile documented --seed 42 --only send-email\/invalid-C-ADDR4-is-rejected --path \d+(:\d+)*/,
      );
      expect(RAW_CONTROL.test(run.stdout)).toBe(false);
      expect(run.stderr).toMatch(
        /failures written to \.ses-contract\/replay\.json \(\d+ KiB\); re-send them with: npx ses-contract conform --base-url http:\/\/127\.0\.0\.1:\d+ --replay \.ses-contract\/replay\.json/,
      );
      const replay = JSON.parse(await readFile(DEFAULT_REPLAY_FILE, 'utf8'));
      expect(replay.failures.map((f: { property: string }) => f.property)).toContain(
        'send-email/invalid-C-ADDR4-is-rejected',
      );

      // The replay command itself reproduces the failure from seed and path alone.
      const path = /--path (\S+)/.exec(run.stdout)?.[1] as string;
      const again = await conform(
        '--base-url',
        server.url,
        '--only',
        'send-email/invalid-C-ADDR4-is-rejected',
        '--path',
        path,
        '--runs',
        '50',
      );
      expect(again.code).toBe(1);

      const replayed = await cli([
        'conform',
        '--base-url',
        server.url,
        '--replay',
        DEFAULT_REPLAY_FILE,
        '--reporter',
        'json',
      ]);
      expect(replayed.code).toBe(1);
      expect(JSON.parse(replayed.stdout).results.every((r: { runs: number }) => r.runs === 1)).toBe(true);
      // Without --base-url a replay goes back to the target it was recorded against, never silently
      // to the embedded mock (which would report the failures fixed).
      const back = await cli(['conform', '--replay', DEFAULT_REPLAY_FILE]);
      expect(back.code).toBe(1);
      expect(back.stderr).toContain(`against ${server.url}`);
    } finally {
      await server.close();
    }
    // The same recorded cases against the reference: all rejected now.
    const reference = await startMockServer({ profile: 'documented', port: 0 });
    try {
      const fixed = await cli(['conform', '--base-url', reference.url, '--replay', DEFAULT_REPLAY_FILE]);
      expect(fixed.code).toBe(0);
    } finally {
      await reference.close();
    }
  });

  it('a case over 1 MiB is stored as seed, path and digest; --replay rebuilds and re-sends the same bytes', async () => {
    // Digests of the bodies over 1 MiB the target received, per phase. The generators write bodies
    // with JSON.stringify, so stringifying the parsed body gives back the bytes that were sent.
    const received: Record<'run' | 'replay', Set<string>> = { run: new Set(), replay: new Set() };
    let phase: 'run' | 'replay' = 'run';
    /** Whether the body is one of the big ones (then recorded, and accepted unchecked). */
    const recordedBig = (body: unknown) => {
      const text = JSON.stringify(body);
      if (text.length <= MAX_STORED_COUNTEREXAMPLE_BYTES) return false;
      received[phase].add(createHash('sha256').update(text).digest('hex'));
      return true;
    };
    // Two twins in one: accepts a raw message over 40 MiB (C-MIME9) and Unicode domains (C-ADDR4).
    const server = await startMockServer({
      profile: 'documented',
      port: 0,
      validators: {
        sendEmail: (body) =>
          recordedBig(body)
            ? []
            : validateSendEmail(body, { strict: true }).filter((v) => v.rule !== 'C-ADDR4'),
        sendBulkEmail: () => [],
      },
    });
    try {
      const run = await cli([
        'conform',
        '--base-url',
        server.url,
        '--only',
        'send-email/*C-MIME9*,send-email/*C-ADDR4*',
        '--runs',
        '5',
        '--seed',
        '7',
        // Under load a 40 MiB exchange can take longer than the default 5 s.
        '--timeout-ms',
        '120000',
        '--reporter',
        'json',
      ]);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { results: Array<{ property: string; curl?: string }> };
      const mime9 = report.results.find((r) => r.property.includes('C-MIME9'));
      expect(mime9?.curl).toMatch(
        /^# the \d+-byte body is too long for a command line; send it again with: npx ses-contract conform --base-url \S+ --replay \.ses-contract\/replay\.json --only send-email\/invalid-C-MIME9-is-rejected$/,
      );
      expect((await stat(DEFAULT_REPLAY_FILE)).size).toBeLessThan(1024 * 1024);
      const file = JSON.parse(await readFile(DEFAULT_REPLAY_FILE, 'utf8')) as {
        failures: Array<{ property: string; counterexample?: unknown; regenerate?: { sha256: string } }>;
      };
      const stored = Object.fromEntries(file.failures.map((f) => [f.property, f]));
      expect(stored['send-email/invalid-C-MIME9-is-rejected']?.regenerate?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(stored['send-email/invalid-C-MIME9-is-rejected']).not.toHaveProperty('counterexample');
      expect(stored['send-email/invalid-C-ADDR4-is-rejected']).toHaveProperty('counterexample');

      phase = 'replay';
      const replayed = await cli([
        'conform',
        '--base-url',
        server.url,
        '--replay',
        DEFAULT_REPLAY_FILE,
        '--timeout-ms',
        '120000',
      ]);
      expect(replayed.code).toBe(1);
      expect(replayed.stdout).toContain('FAIL send-email/invalid-C-MIME9-is-rejected');
      expect(replayed.stdout).toContain('FAIL send-email/invalid-C-ADDR4-is-rejected');
      expect(replayed.stdout).toContain('2 properties: 0 passed, 2 failed');
      // The replay sent one big body, byte for byte one the run sent (its shrunk counterexample).
      expect(received.replay.size).toBe(1);
      expect([...received.run]).toContain([...received.replay][0]);
    } finally {
      await server.close();
    }
  }, 300_000);

  it('flags given with --replay: location and reporting apply, contradicting ones are refused in one line', async () => {
    await writeFile(RECORDED, JSON.stringify(recordedFile()));
    for (const [args, message] of [
      [['--profile', 'aws'], /--profile aws contradicts the replay file, recorded with --profile documented/],
      [['--seed', '1'], /--seed 1 contradicts the replay file/],
      [['--strict'], /--strict contradicts the replay file/],
      [['--runs', '5'], /--runs has no effect with --replay/],
      [['--only', 'C-DEST1'], /--only C-DEST1 selects no entry of the replay file/],
    ] as const) {
      const run = await cli(['conform', '--replay', RECORDED, ...args]);
      expect(run.code, String(args)).toBe(2);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    // Agreeing flags and --only are fine: the reference mock rejects the recorded case.
    const agreeing = await cli([
      'conform',
      '--replay',
      RECORDED,
      '--profile',
      'documented',
      '--seed',
      '42',
      '--only',
      'C-ADDR4',
      '--reporter',
      'json',
    ]);
    expect(agreeing.code).toBe(0);
    expect(JSON.parse(agreeing.stdout).summary).toMatchObject({ properties: 1, passed: 1 });
  });

  it('a replay entry naming an unknown property is our bug: exit 3, one line, the stack only with --debug', async () => {
    const file = recordedFile();
    (file.failures[0] as { property: string }).property = 'send-email/no-such-property';
    await writeFile(RECORDED, JSON.stringify(file));
    const run = await cli(['conform', '--replay', RECORDED]);
    expect(run.code).toBe(3);
    expect(lines(run.stderr).filter((l) => !l.startsWith('conform: documented profile'))).toEqual([
      'ses-contract conform: internal error: the replay file names a property this version of ses-contract does not have: send-email/no-such-property. This is a bug in ses-contract; please report it (run again with --debug for the stack).',
    ]);
    const debug = await cli(['--debug', 'conform', '--replay', RECORDED]);
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/\n {4}at .*replay-failures\.ts/);
  });

  it('a replay of a signed run signs again, so a target that demands a signature still answers', async () => {
    const signedOnly = (handle: (r: Request) => Promise<Response>) => (request: Request) =>
      request.headers.get('authorization')?.startsWith('AWS4-HMAC-SHA256')
        ? handle(request)
        : Promise.resolve(Response.json({ message: 'Missing Authentication Token' }, { status: 403 }));
    const server = await startMockServer({
      profile: 'aws',
      port: 0,
      ...twin('accepts-unicode-domain'),
      wrap: signedOnly,
    });
    try {
      const run = await conform(
        '--base-url',
        server.url,
        '--profile',
        'aws',
        '--only',
        'send-email/*C-ADDR4*',
        '--sign',
      );
      expect(run.code).toBe(1);
      const replay = JSON.parse(await readFile(DEFAULT_REPLAY_FILE, 'utf8'));
      expect(replay.sign).toEqual({ region: 'us-east-1' });
      const replayed = await cli([
        'conform',
        '--base-url',
        server.url,
        '--replay',
        DEFAULT_REPLAY_FILE,
        '--reporter',
        'json',
      ]);
      expect(replayed.code).toBe(1);
      const results = JSON.parse(replayed.stdout).results as Array<{ problem?: { rule: string } }>;
      expect(results.map((r) => r.problem?.rule)).toEqual(['C-ADDR4']);
    } finally {
      await server.close();
    }
  });

  it('an aws-format target run with --profile documented gets a one-line profile hint', async () => {
    const server = await startMockServer({ profile: 'aws', port: 0 });
    try {
      const run = await conform(
        '--base-url',
        server.url,
        '--only',
        'send-email/invalid-C-ADDR*',
        '--runs',
        '3',
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'conform: most invalid-request properties failed on aws-profile error bodies; if the target speaks the aws wire format, run again with --profile aws.',
      );
      const right = await conform(
        '--base-url',
        server.url,
        '--only',
        'send-email/invalid-C-ADDR*',
        '--runs',
        '3',
        '--profile',
        'aws',
      );
      expect(right.code).toBe(0);
      expect(right.stderr).not.toContain('--profile');
    } finally {
      await server.close();
    }
    // And the other way round: a documented target run with --profile aws.
    const documented = await startMockServer({ profile: 'documented', port: 0 });
    try {
      const run = await conform(
        '--base-url',
        documented.url,
        '--only',
        'send-email/invalid-C-ADDR*',
        '--runs',
        '3',
        '--profile',
        'aws',
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('run again with --profile documented.');
    } finally {
      await documented.close();
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
      const run = await conform('--base-url', server.url, '--runs', '20', '--timeout-ms', '300');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('The target stopped answering during the run');
      expect(run.stdout).toMatch(/timeout/);
    } finally {
      // The hung connections would keep close() waiting; the test only needs the port freed eventually.
      void server.close();
    }
  }, 30_000);
});
