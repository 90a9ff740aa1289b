/**
 * The words every reporter uses for a property's status and for the run's outcome. A property
 * `--max-time` stopped before it checked a case (`not-run`) neither passed nor failed: a run with one
 * is not called conformant, it says it is incomplete and which flag to raise.
 */
import type { ConformanceReport, PropertyResult } from '../runner/run-conformance.ts';

export const statusLabel = (status: PropertyResult['status']): string =>
  status === 'passed' ? 'pass' : status === 'failed' ? 'FAIL' : 'not run';

const properties = (n: number) => `${n} ${n === 1 ? 'property' : 'properties'}`;

/** "3 passed, 1 failed" (and ", 2 not run" when some did not run). */
export function countsText(summary: ConformanceReport['summary']): string {
  return `${summary.passed} passed, ${summary.failed} failed${summary.notRun > 0 ? `, ${summary.notRun} not run` : ''}`;
}

/** "56 properties: 56 passed, 0 failed; 5,983 requests in 9.1 s": the run in one line. */
export function summaryText(summary: ConformanceReport['summary']): string {
  return `${properties(summary.properties)}: ${countsText(summary)}; ${summary.cases} ${summary.cases === 1 ? 'request' : 'requests'} in ${(summary.durationMs / 1000).toFixed(1)} s`;
}

/** Why properties did not run, naming the budget when the report knows it. */
export function notRunText(report: ConformanceReport): string {
  const maxTimeMs = report.selection?.maxTimeMs;
  const budget = maxTimeMs !== undefined ? `--max-time ${maxTimeMs / 1000}` : 'the --max-time budget';
  return `${properties(report.summary.notRun)} finished no case within ${budget} (raise it)`;
}

export type RunOutcome = { kind: 'conformant' | 'not-conformant' | 'incomplete'; text: string };

export function runOutcome(report: ConformanceReport): RunOutcome {
  const { failed, notRun } = report.summary;
  if (failed > 0) {
    return {
      kind: 'not-conformant',
      text: `Not conformant: ${failed} propert${failed === 1 ? 'y' : 'ies'} failed`,
    };
  }
  if (notRun > 0) {
    return { kind: 'incomplete', text: `No failures in the cases sent; ${notRunText(report)}` };
  }
  return { kind: 'conformant', text: 'Conformant' };
}
