/** What the engine's callers choose, and what every result goes through before it is returned. */
import type { Violation } from './violation.ts';

export type ValidationOptions = {
  /** Also report SHOULD rules (the reference mock and `--strict` runs do). Default false. */
  strict?: boolean;
};

/** Drops SHOULD violations unless strict, and repeats of one rule at one path. */
export function finishViolations(violations: readonly Violation[], options: ValidationOptions): Violation[] {
  const seen = new Set<string>();
  const kept: Violation[] = [];
  for (const v of violations) {
    if (v.level === 'SHOULD' && !options.strict) continue;
    const key = `${v.rule} ${v.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(v);
  }
  return kept;
}
