/**
 * The rule coverage of a run: cases attributed by the engine's result, sums that merge, the same
 * numbers for the same seed; and `--max-time`, which the report shows as runs cut short.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../../src/server/start-mock-server.ts';
import type { ConformanceCase } from '../case.ts';
import { httpTransport, type Transport } from '../transport/transport.ts';
import { runConformance } from './run-conformance.ts';
import { CoverageTally, mergeCoverage, type RunCoverage } from './run-coverage.ts';

const valid: ConformanceCase = {
  operation: 'send-email',
  body: {
    FromEmailAddress: 'sender@example.com',
    Destination: { ToAddresses: ['a@example.com'] },
    Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
  },
};
const unicodeDomain: ConformanceCase = {
  operation: 'send-email',
  body: {
    FromEmailAddress: 'sender@example.com',
    Destination: { ToAddresses: ['bob@bücher.de'] },
    Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
  },
};
const malformed: ConformanceCase = { operation: 'send-bulk-email', text: '{"a":' };

const row = (coverage: RunCoverage, rule: string) => coverage.rules.find((r) => r.rule === rule);

describe('CoverageTally', () => {
  it('counts a valid case where it holds values, and an invalid one where the engine says it breaks', () => {
    const tally = new CoverageTally();
    tally.record(valid);
    tally.record(unicodeDomain);
    tally.record(malformed);
    const coverage = tally.coverage();
    expect(coverage.cases).toBe(3);
    expect(row(coverage, 'C-ADDR4')).toEqual({
      rule: 'C-ADDR4',
      valid: 1,
      broken: 1,
      places: [{ clause: 'main', place: 'send-email /Destination/ToAddresses', cases: 1 }],
    });
    // A recipient that breaks section 2 breaks C-DEST3 too (RULES.md), as the registry's coverage counts it.
    expect(row(coverage, 'C-DEST3')?.broken).toBe(1);
    expect(row(coverage, 'C-REQ1')?.places).toEqual([
      { clause: 'main', place: 'send-bulk-email /', cases: 1 },
    ]);
    // Nothing reached the bulk entries or raw messages.
    expect(coverage.unexercised).toContain('C-BULK3');
    expect(coverage.unexercised).toContain('C-MIME1');
    expect(coverage.unexercised).not.toContain('C-ADDR4');
  });

  it('merges to the numbers of one tally of all the cases', () => {
    const a = new CoverageTally();
    const b = new CoverageTally();
    const all = new CoverageTally();
    for (const [c, into] of [
      [valid, a],
      [unicodeDomain, b],
      [unicodeDomain, a],
      [malformed, b],
    ] as const) {
      into.record(c);
      all.record(c);
    }
    expect(mergeCoverage([a.coverage(), b.coverage()])).toEqual(all.coverage());
  });
});

describe('a run against the reference mock', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ profile: 'documented', port: 0 });
  });
  afterAll(() => server.close());

  const run = (
    transport: Transport,
    extra: { runs: number; only: string[]; maxTimeMs?: number; clock?: () => number; concurrency?: number },
  ) =>
    runConformance({
      transport,
      baseUrl: server.url,
      profile: 'documented',
      strict: false,
      from: 'sender@example.com',
      seed: 11,
      timeoutMs: 5000,
      concurrency: 2,
      ...extra,
    });

  it('reports the same coverage for the same seed, counting every request sent', async () => {
    const only = ['send-email/valid*', 'send-bulk-email/*C-BULK3*', 'send-email/*C-MIME6*'];
    const first = await run(httpTransport(), { runs: 8, only });
    const second = await run(httpTransport(), { runs: 8, only });
    expect(first.summary.failed).toBe(0);
    expect(first.coverage).toEqual(second.coverage);
    expect(first.coverage.cases).toBe(first.summary.cases);
    expect(row(first.coverage, 'C-BULK3')?.broken).toBeGreaterThan(0);
    expect(row(first.coverage, 'C-MIME6')?.broken).toBeGreaterThan(0);
    expect(row(first.coverage, 'C-ADDR1')?.valid).toBeGreaterThan(0);
  });

  it('--max-time stops properties at their share and says which ran fewer runs than asked', async () => {
    const inner = httpTransport();
    // Each answer takes 50 ms: 200 runs would take 10 s, far beyond a 0.3 s budget.
    const slow: Transport = async (request) => {
      await delay(50);
      return inner(request);
    };
    const report = await run(slow, { runs: 200, only: ['send-email/valid*'], maxTimeMs: 300 });
    const [result] = report.results;
    expect(result?.status).toBe('passed');
    expect(result?.budgetCut).toEqual({ asked: 200 });
    expect(result?.runs).toBeLessThan(200);
    expect(report.selection).toEqual({ runs: 200, only: ['send-email/valid*'], maxTimeMs: 300 });
    // A tiny budget, on a clock that moves 100 ms per request: the two properties started first
    // share 1 ms, and the first request of one of them spends it before the other's first case is
    // checked; each still checks its first case (then stops). The third one's turn comes after the
    // budget is spent: it is not started at all.
    let now = 0;
    const ticking: Transport = (request) => {
      now += 100;
      return inner(request);
    };
    const spent = await run(ticking, {
      runs: 5,
      only: ['send-email/valid*', 'send-email/*C-ADDR4*', 'send-email/*C-ADDR1*'],
      maxTimeMs: 1,
      clock: () => now,
      concurrency: 2,
    });
    expect(spent.summary).toMatchObject({ failed: 0, passed: 2, notRun: 1 });
    const [first, second, third] = spent.results;
    for (const started of [first, second]) {
      expect(started).toMatchObject({ status: 'passed', runs: 1, budgetCut: { asked: 5 } });
      expect(started?.cases).toBeGreaterThan(0);
    }
    expect(third).toMatchObject({ status: 'not-run', runs: 0, cases: 0, budgetCut: { asked: 5 } });
    expect(spent.coverage.cases).toBe(spent.summary.cases);
    const unbudgeted = await run(inner, { runs: 5, only: ['send-email/valid*'] });
    expect(unbudgeted.results[0]).not.toHaveProperty('budgetCut');
    expect(unbudgeted.selection).toEqual({ runs: 5, only: ['send-email/valid*'] });
  });
});
