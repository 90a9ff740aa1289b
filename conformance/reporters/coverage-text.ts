/**
 * The run's rule coverage as plain text, for the pretty report (a table) and JUnit (one property
 * per rule): per rule, the valid cases that reached it, the invalid cases that broke it and where.
 */
import type { RuleRunCoverage, RunCoverage } from '../runner/run-coverage.ts';

/** `C-ADDR1.syntax at send-email /FromEmailAddress (3)` for each place, most cases first; `limit` cuts the list. */
export function brokenPlacesText(row: RuleRunCoverage, limit = Number.POSITIVE_INFINITY): string {
  const shown = row.places.slice(0, limit).map((p) => `${row.rule}.${p.clause} at ${p.place} (${p.cases})`);
  const more = row.places.length - shown.length;
  return [...shown, ...(more > 0 ? [`${more} more place${more === 1 ? '' : 's'}`] : [])].join(', ');
}

export function unexercisedText(coverage: RunCoverage): string {
  return coverage.unexercised.length === 0 ? 'none' : coverage.unexercised.join(', ');
}

/** The pretty report's coverage section: a header, one row per exercised rule, the unexercised ones. */
export function coverageTable(coverage: RunCoverage): string[] {
  const rows = coverage.rules.filter((r) => r.valid > 0 || r.broken > 0);
  const width = Math.max(4, ...rows.map((r) => r.rule.length));
  return [
    `Rule coverage (${coverage.cases} request${coverage.cases === 1 ? '' : 's'} judged by the rules engine):`,
    `  ${'rule'.padEnd(width)}  valid  broken  where broken (cases)`,
    ...rows.map((r) =>
      `  ${r.rule.padEnd(width)}  ${String(r.valid).padStart(5)}  ${String(r.broken).padStart(6)}  ${brokenPlacesText(r, 3)}`.trimEnd(),
    ),
    `Rules no request exercised: ${unexercisedText(coverage)}`,
  ];
}
