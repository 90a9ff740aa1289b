/**
 * A broken rule, as a value: which rule, how binding, where (a JSON pointer into the request body,
 * extended into raw MIME as `/Content/Raw/Data/<part path>`), and a sentence for a person.
 */
import { RULE_LEVELS, type RuleId } from './rule-catalog.ts';

export type Violation = {
  rule: RuleId;
  level: 'MUST' | 'SHOULD';
  path: string;
  message: string;
  /** The more specific rule behind `rule`, when one rule is reported under another (C-BULK3 ← C-ADDR4). */
  cause?: RuleId;
};

export function violation(rule: RuleId, path: string, message: string, cause?: RuleId): Violation {
  const level = RULE_LEVELS[rule];
  if (level === 'OPEN') throw new Error(`${rule} is OPEN: it can never be violated`);
  return cause ? { rule, level, path, message, cause } : { rule, level, path, message };
}

/** Reports `inner` under `rule`, keeping the original rule as the cause. */
export function liftViolation(inner: Violation, rule: RuleId): Violation {
  return violation(rule, inner.path, inner.message, inner.cause ?? inner.rule);
}

/** JSON pointer (RFC 6901) from path segments. */
export function pointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function formatViolation(v: Violation): string {
  return `${v.rule} ${v.path || '/'}: ${v.message}`;
}
