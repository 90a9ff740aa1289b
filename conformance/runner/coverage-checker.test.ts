/**
 * A long run on a machine with cores to spare checks its cases for the rule coverage in a worker
 * thread: the numbers are the ones the run's own thread would count, and a thread the run never
 * asks (it ended with an error) is stopped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validSendBulkEmail } from '../arbitraries/send-bulk-email.ts';
import { validSendEmail } from '../arbitraries/send-email.ts';
import { malformedJsonCases, wrongTypeCases } from '../arbitraries/wrong-types.ts';
import type { ConformanceCase } from '../case.ts';
import {
  coverageChecker,
  coverageThread,
  inlineCoverage,
  THREAD_FROM_CASES,
  THREAD_FROM_CORES,
} from './coverage-checker.ts';

const FROM = 'sender@example.com';

/** Valid and invalid cases of both operations, JSON text included. */
const cases: ConformanceCase[] = [
  ...fc.sample(validSendEmail(FROM), { numRuns: 30, seed: 5 }).map((body) => ({
    operation: 'send-email' as const,
    body,
  })),
  ...fc.sample(validSendBulkEmail(FROM), { numRuns: 20, seed: 5 }).map((body) => ({
    operation: 'send-bulk-email' as const,
    body,
  })),
  ...fc.sample(wrongTypeCases('send-email', FROM), { numRuns: 20, seed: 5 }),
  ...fc.sample(malformedJsonCases('send-bulk-email', FROM), { numRuns: 10, seed: 5 }),
  { operation: 'send-email', contentType: 'text/plain', body: {} },
];

describe('coverageThread', () => {
  it('counts what the inline tally counts for the same cases', async () => {
    const inline = inlineCoverage();
    const thread = coverageThread();
    for (const c of cases) {
      inline.record(c);
      thread.record(c);
    }
    const threaded = await thread.coverage();
    expect(threaded.cases).toBe(cases.length);
    expect(threaded.rules.some((r) => r.broken > 0)).toBe(true);
    expect(threaded.rules.some((r) => r.valid > 0)).toBe(true);
    expect(threaded).toEqual(await inline.coverage());
  });

  it('is used for a long run on a machine with a core to spare for it', async () => {
    const short = coverageChecker(THREAD_FROM_CASES - 1, THREAD_FROM_CORES);
    const twoCores = coverageChecker(THREAD_FROM_CASES, THREAD_FROM_CORES - 1);
    const long = coverageChecker(THREAD_FROM_CASES, THREAD_FROM_CORES);
    expect([short.where, twoCores.where, long.where]).toEqual(['inline', 'inline', 'thread']);
    const c = cases[0] as ConformanceCase;
    short.record(c);
    long.record(c);
    expect(await long.coverage()).toEqual(await short.coverage());
  });

  it('is stopped when the run ends without asking for the coverage', async () => {
    const thread = coverageThread();
    const c = cases[0] as ConformanceCase;
    thread.record(c);
    thread.close();
    await expect(thread.coverage()).rejects.toThrow(/rule-coverage thread failed/);
  });
});
