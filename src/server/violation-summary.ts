/**
 * How a list of violations is told to the client. A request can break thousands of rules at once
 * (50 entries × 50 bad recipients); the answer stays small but still names every distinct rule id,
 * because that is what clients and the conformance suite look for.
 */
import { formatViolation, type Violation } from '../contract/violation.ts';

export const MAX_LISTED_VIOLATIONS = 100;
const MAX_IN_MESSAGE = 10;

/** The violations to list: the first of each rule, then the rest in order, at most `max` plus one per rule. */
export function listedViolations(violations: readonly Violation[], max = MAX_LISTED_VIOLATIONS): Violation[] {
  const firstOfRule = new Map<string, Violation>();
  for (const v of violations) if (!firstOfRule.has(v.rule)) firstOfRule.set(v.rule, v);
  const listed = [...firstOfRule.values()];
  for (const v of violations) {
    if (listed.length >= Math.max(max, firstOfRule.size)) break;
    if (firstOfRule.get(v.rule) !== v) listed.push(v);
  }
  return listed;
}

/** One line per violation, `RULE path: message`, joined; starts with a rule id, names every rule broken. */
export function violationMessage(violations: readonly Violation[]): string {
  const shown = listedViolations(violations, MAX_IN_MESSAGE);
  const text = shown.map(formatViolation).join('; ');
  const more = violations.length - shown.length;
  return more > 0 ? `${text}; and ${more} more` : text;
}
