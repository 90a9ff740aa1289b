/** The pretty report: a table with capped properties marked and explained, or no table at all. */
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../runner/replay-command.ts';
import { conformanceReport, type PropertyResult } from '../runner/run-conformance.ts';
import { failureView } from './failure-view.ts';
import { prettyReport, progressLine } from './pretty-reporter.ts';

const result = (property: string, runs: number, capped?: string): PropertyResult => ({
  property,
  operation: 'send-email',
  rules: ['C-MIME9'],
  level: 'MUST',
  status: 'passed',
  runs,
  ...(capped ? { runsCapped: { at: runs, reason: capped } } : {}),
  cases: runs,
  seed: 1,
  durationMs: 10,
});

const context: CommandContext = { profile: 'documented', strict: false, from: 'sender@example.com', seed: 1 };
const results = [result('send-email/valid-request-is-accepted', 100), result('send-email/big', 1, 'too big')];
const report = conformanceReport(
  { profile: 'documented', baseUrl: 'http://127.0.0.1:1', seed: 1, strict: false },
  results,
  performance.now(),
  undefined,
);

describe('prettyReport', () => {
  it('marks a capped property in the table and says why under it', () => {
    const text = prettyReport(report, context);
    expect(text).toMatch(/ send-email\/big +C-MIME9 +1\*\n/);
    expect(text).toContain('* send-email/big ran 1 run: too big.');
    expect(text).toMatch(/ send-email\/valid-request-is-accepted +C-MIME9 +100\n/);
  });

  it('leaves the table out when asked (progress lines listed every property already)', () => {
    const text = prettyReport(report, context, { table: false });
    expect(text).not.toContain('send-email/valid-request-is-accepted');
    expect(text).toContain('2 properties: 2 passed, 0 failed');
    expect(progressLine(results[1] as PropertyResult, 2, 2)).toBe(
      '[2/2] ok   send-email/big (1 run, capped: too big, 0.0 s)',
    );
  });
});

describe('failureView', () => {
  it('says how to re-send a body too long for a command line, from the replay file in use', () => {
    const body = JSON.stringify({ Content: { Raw: { Data: 'x'.repeat(20_000) } } });
    const failed: PropertyResult = {
      ...result('send-email/big', 1),
      status: 'failed',
      failure: {
        problem: { rule: 'C-MIME9', message: 'accepted' },
        exchange: {
          case: { operation: 'send-email', text: body },
          request: { method: 'POST', url: 'http://127.0.0.1:1/v2/email/outbound-emails', headers: {}, body },
          durationMs: 1,
        },
        counterexample: {},
        path: '0',
        shrinks: 0,
      },
    };
    expect(failureView(failed, context)?.curl).toBe(
      '# the 20031-byte body is too long for a command line; send it again with: npx ses-contract conform --replay .ses-contract/replay.json --only send-email/big',
    );
    expect(failureView(failed, { ...context, baseUrl: 'http://h:1', replayFile: 'old.json' })?.curl).toMatch(
      /send it again with: npx ses-contract conform --base-url http:\/\/h:1 --replay old\.json --only send-email\/big$/,
    );
  });
});
