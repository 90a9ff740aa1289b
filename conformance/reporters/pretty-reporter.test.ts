/** The pretty report: a table with capped properties marked and explained, or no table at all. */
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../runner/replay-command.ts';
import { conformanceReport, type PropertyResult } from '../runner/run-conformance.ts';
import { CoverageTally } from '../runner/run-coverage.ts';
import { failureView } from './failure-view.ts';
import { htmlReport } from './html-reporter.ts';
import { readJsonReport } from './json-report-reader.ts';
import { jsonReport } from './json-reporter.ts';
import { junitReport } from './junit-reporter.ts';
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

describe('coverage and --max-time in the text reports', () => {
  const tally = new CoverageTally();
  tally.record({
    operation: 'send-email',
    body: {
      FromEmailAddress: 'sender@example.com',
      Destination: { ToAddresses: ['bob@bücher.de'] },
      Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
    },
  });
  const cut: PropertyResult = { ...result('send-email/slow', 7), budgetCut: { asked: 100 } };
  const withCoverage = conformanceReport(
    { profile: 'documented', baseUrl: 'http://127.0.0.1:1', seed: 1, strict: false },
    [result('send-email/valid-request-is-accepted', 100), cut],
    performance.now(),
    undefined,
    tally.coverage(),
  );

  it('pretty: a coverage row per exercised rule with its places, the unexercised rules, the cut property', () => {
    const text = prettyReport(withCoverage, context);
    expect(text).toContain('Rule coverage (1 request judged by the rules engine):');
    expect(text).toMatch(
      /\n {2}C-ADDR4 +0 +1 {2}C-ADDR4\.main at send-email \/Destination\/ToAddresses \(1\)\n/,
    );
    expect(text).toMatch(/Rules no request exercised: .*C-BULK1/);
    expect(text).toMatch(/ send-email\/slow +C-MIME9 +7\*\n/);
    expect(text).toContain('* send-email/slow ran 7 of 100 runs: the --max-time budget ran out.');
    // On a terminal the table is left out, but a budget cut is still said.
    expect(prettyReport(withCoverage, context, { table: false })).toContain(
      'send-email/slow ran 7 of 100 runs',
    );
    expect(progressLine(cut, 2, 2)).toBe(
      '[2/2] ok   send-email/slow (7 runs, 100 asked: --max-time ran out, 0.0 s)',
    );
  });

  it('junit: one coverage property per exercised rule, the unexercised ones, the cut property', () => {
    const xml = junitReport(withCoverage, context);
    expect(xml).toContain(
      '<property name="coverage C-ADDR4" value="valid 0, broken 1: C-ADDR4.main at send-email /Destination/ToAddresses (1)" />',
    );
    expect(xml).toMatch(/<property name="coverage unexercised" value="[^"]*C-BULK1/);
    expect(xml).toContain(
      '<property name="short run 1" value="send-email/slow ran 7 of 100 runs: the --max-time budget ran out." />',
    );
  });
});

describe('a property --max-time stopped before its first case', () => {
  const notRun: PropertyResult = {
    ...result('send-email/slow', 0),
    status: 'not-run',
    budgetCut: { asked: 20 },
  };
  const incomplete = conformanceReport(
    {
      profile: 'documented',
      baseUrl: 'http://127.0.0.1:1',
      seed: 1,
      strict: false,
      selection: { runs: 20, only: [], maxTimeMs: 5000 },
    },
    [result('send-email/valid-request-is-accepted', 20), notRun],
    performance.now(),
    undefined,
  );

  it('is neither passed nor failed, and the run is not called conformant', () => {
    expect(incomplete.summary).toMatchObject({ properties: 2, passed: 1, failed: 0, notRun: 1 });
    const text = prettyReport(incomplete, context);
    expect(text).toMatch(/\n {2}not run {2}send-email\/slow +C-MIME9 +0\*\n/);
    expect(text).toContain('2 properties: 1 passed, 0 failed, 1 not run;');
    expect(text).not.toContain('Conformant.');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'No failures in the cases sent; 1 property finished no case within --max-time 5 (raise it).',
    );
    expect(progressLine(notRun, 2, 2)).toMatch(/^\[2\/2\] skip send-email\/slow \(0 runs, 20 asked/);
  });

  it('junit: a skipped testcase; html: a "not run" row and an incomplete outcome; json: read back as not-run', () => {
    const xml = junitReport(incomplete, context);
    expect(xml).toMatch(
      /<testcase classname="send-email" name="send-email\/slow \[C-MIME9\]" time="[0-9.]+">\n {6}<skipped message="finished no case: the --max-time budget ran out first" \/>\n {4}<\/testcase>/,
    );
    expect(xml).toContain('tests="2" failures="0" errors="0" skipped="1"');
    const html = htmlReport(incomplete, context);
    expect(html).toContain('<tr class="not-run"><td class="result">not run</td>');
    expect(html).toContain(
      '<p class="verdict incomplete">No failures in the cases sent; 1 property finished no case within --max-time 5 (raise it)</p>',
    );
    expect(html).not.toContain('Conformant');
    const read = readJsonReport(jsonReport(incomplete, context));
    if (typeof read === 'string') throw new Error(read);
    expect(read.report.results.map((r) => r.status)).toEqual(['passed', 'not-run']);
    expect(read.report.summary).toMatchObject({ passed: 1, notRun: 1 });
    expect(read.report.selection).toEqual({ runs: 20, only: [], maxTimeMs: 5000 });
  });
});
