/**
 * Properties that made fewer runs than `--runs` asked, one line each saying why: the property caps
 * its runs (the 40 MiB C-MIME9 case is sent once), or `--max-time` ran out first.
 */
import type { PropertyResult } from '../runner/run-conformance.ts';
import { BUDGET_REASON } from '../runner/time-budget.ts';

const runsText = (runs: number) => `${runs} run${runs === 1 ? '' : 's'}`;

export function shortRunNotes(results: readonly PropertyResult[]): string[] {
  return results.flatMap((r) => {
    if (r.budgetCut)
      return [`* ${r.property} ran ${r.runs} of ${runsText(r.budgetCut.asked)}: ${BUDGET_REASON}.`];
    if (r.runsCapped) return [`* ${r.property} ran ${runsText(r.runsCapped.at)}: ${r.runsCapped.reason}.`];
    return [];
  });
}

/** The mark after a property's run count in a table: `*` when it made fewer runs than asked. */
export const shortRunMark = (r: PropertyResult) => (r.budgetCut || r.runsCapped ? '*' : '');
