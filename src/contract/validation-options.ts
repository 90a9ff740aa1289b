/** What the engine's callers choose, and what every result goes through before it is returned. */
import type { Violation } from './violation.ts';

export type ValidationOptions = {
  /** Also report SHOULD rules (the reference mock and `--strict` runs do). Default false. */
  strict?: boolean;
};

/** A request's check: what breaks the contract, and what SES accepts but the sender did not mean. */
export type CheckResult = {
  /** MUST violations, and SHOULD ones under `strict`: the request is invalid when this is not empty. */
  violations: Violation[];
  /** ADVISE-level findings: never a reason to reject (RULES.md, levels). */
  advice: Violation[];
};

/** Splits advice from violations, drops SHOULD unless strict, and drops exact repeats. */
export function finishCheck(found: readonly Violation[], options: ValidationOptions): CheckResult {
  const seen = new Set<string>();
  const result: CheckResult = { violations: [], advice: [] };
  for (const v of found) {
    if (v.level === 'SHOULD' && !options.strict) continue;
    const key = `${v.rule}.${v.clause} ${v.path} ${v.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (v.level === 'ADVISE' ? result.advice : result.violations).push(v);
  }
  return result;
}
