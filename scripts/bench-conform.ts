/**
 * Benchmark of the conformance suite (`tsx scripts/bench-conform.ts`):
 * - the default run (`npm start`: both operations, documented profile, 100 runs per property)
 *   against the embedded mock: wall time and cases per second, at the default concurrency and at 8;
 * - the bare loopback request rate of this machine: the suite's own HTTP client (`fetch(url, init)`,
 *   what `httpTransport().sendParts` calls) against a node:http server that answers fixed JSON,
 *   8 requests in flight;
 * - for every broken fixture: detected or not, and the median number of generated cases until the
 *   first failure naming its rule, over several seeds.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { BROKEN_SERVERS } from '../conformance/fixtures/broken-servers.ts';
import { detect, namesRule } from '../conformance/fixtures/detection.ts';
import { runConformance } from '../conformance/runner/run-conformance.ts';
import { httpTransport } from '../conformance/transport/transport.ts';
import { startMockProcess } from '../src/server/start-mock-process.ts';

export type SuiteRun = {
  concurrency: number;
  durationMs: number;
  cases: number;
  casesPerSecond: number;
  failed: number;
};
export type DetectionRow = {
  fixture: string;
  rule: string;
  detected: boolean;
  medianCases: number | null;
  seeds: number;
};
export type BenchResult = {
  npmStartMs: number;
  suite: SuiteRun[];
  loopbackRequestsPerSecond: number;
  ratioAtConcurrency8: number;
  detection: DetectionRow[];
  medianCasesToDetection: number | null;
};

const SEEDS = [1, 2, 3, 4, 5];

async function suiteRun(concurrency: number): Promise<SuiteRun> {
  const server = await startMockProcess({ profile: 'documented', port: 0 });
  try {
    const report = await runConformance({
      transport: httpTransport(),
      baseUrl: server.url,
      profile: 'documented',
      strict: false,
      from: 'sender@example.com',
      runs: 100,
      seed: 42,
      only: [],
      timeoutMs: 10_000,
      concurrency,
    });
    const { cases, durationMs, failed } = report.summary;
    return { concurrency, durationMs, cases, casesPerSecond: cases / (durationMs / 1000), failed };
  } finally {
    await server.close();
  }
}

/** Requests per second from `fetch(url, init)` with `inFlight` requests outstanding against fixed JSON. */
async function loopbackRate(inFlight: number, seconds: number): Promise<number> {
  const body = JSON.stringify({ success: true, data: { id: 'x', created_at: '2026-01-01T00:00:00Z' } });
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/email/outbound-emails`;
  const payload = JSON.stringify({ FromEmailAddress: 'sender@example.com', Content: { Simple: {} } });
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < until) {
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      });
      await answer.text();
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  const elapsed = (performance.now() - started) / 1000;
  await new Promise((resolve) => server.close(resolve));
  return done / elapsed;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function detectionTable(): Promise<DetectionRow[]> {
  const rows: DetectionRow[] = [];
  for (const fixture of BROKEN_SERVERS) {
    const casesToDetection: number[] = [];
    for (const seed of SEEDS) {
      const { report } = await detect(fixture, { runs: 100, seed });
      // `runs` of a failed property is the run on which it first failed (before shrinking).
      const naming = report.results.filter((r) => namesRule(r, fixture.rule)).map((r) => r.runs);
      if (naming.length > 0) casesToDetection.push(Math.min(...naming));
    }
    rows.push({
      fixture: fixture.name,
      rule: fixture.rule,
      detected: casesToDetection.length === SEEDS.length,
      medianCases: median(casesToDetection),
      seeds: casesToDetection.length,
    });
  }
  return rows;
}

function npmStartMs(): number {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const started = performance.now();
  const result = spawnSync(process.execPath, ['bin/ses-contract.js', 'conform'], {
    cwd: root,
    stdio: 'ignore',
  });
  if (result.status !== 0) throw new Error(`npm start exited ${result.status}`);
  return performance.now() - started;
}

export async function benchConform(): Promise<BenchResult> {
  const npmStart = npmStartMs();
  const suite = [await suiteRun(4), await suiteRun(8)];
  const loopback = await loopbackRate(8, 5);
  const detection = await detectionTable();
  const at8 = suite.find((s) => s.concurrency === 8) as SuiteRun;
  return {
    npmStartMs: npmStart,
    suite,
    loopbackRequestsPerSecond: loopback,
    ratioAtConcurrency8: at8.casesPerSecond / loopback,
    detection,
    medianCasesToDetection: median(detection.flatMap((d) => (d.medianCases === null ? [] : [d.medianCases]))),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchConform();
  console.log(
    `npm start (documented, both operations, 100 runs/property): ${(result.npmStartMs / 1000).toFixed(1)} s wall`,
  );
  for (const s of result.suite) {
    console.log(
      `suite vs embedded mock, concurrency ${s.concurrency}: ${s.cases} cases in ${(s.durationMs / 1000).toFixed(1)} s = ${s.casesPerSecond.toFixed(0)} cases/s (${s.failed} failed)`,
    );
  }
  console.log(
    `bare loopback (fixed-JSON node:http, fetch(url, init) as the suite sends, 8 in flight): ${result.loopbackRequestsPerSecond.toFixed(0)} req/s`,
  );
  console.log(`ratio at concurrency 8: ${result.ratioAtConcurrency8.toFixed(2)}`);
  console.log(
    '\n| fixture | rule | detected (5/5 seeds) | median cases to first detection |\n|---|---|---|---|',
  );
  for (const d of result.detection) {
    console.log(
      `| ${d.fixture} | ${d.rule} | ${d.detected ? 'yes' : `no (${d.seeds}/5)`} | ${d.medianCases ?? '-'} |`,
    );
  }
  console.log(`\nmedian over fixtures: ${result.medianCasesToDetection} cases`);
  const targets = {
    'npm start ≤ 60 s': result.npmStartMs <= 60_000,
    'cases/s ≥ 0.3 × bare loopback at concurrency 8': result.ratioAtConcurrency8 >= 0.3,
    'every fixture detected': result.detection.every((d) => d.detected),
    'median cases to detection ≤ 50': (result.medianCasesToDetection ?? Number.POSITIVE_INFINITY) <= 50,
  };
  for (const [target, met] of Object.entries(targets)) console.log(`${met ? 'met   ' : 'MISSED'} ${target}`);
  process.exitCode = Object.values(targets).every(Boolean) ? 0 : 1;
}
