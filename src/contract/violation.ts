/**
 * A broken rule, as a value: which rule and clause, how binding, where (a JSON pointer into the
 * request body, extended into raw MIME as `/Content/Raw/Data/<part path>`), and a sentence for a
 * person. ADVISE-level values are advice: SES accepts the request, but the result is not what the
 * sender meant.
 */
import { type RuleId, type RuleRef, resolveRuleRef } from './rule-registry.ts';

export type ViolationLevel = 'MUST' | 'SHOULD' | 'ADVISE';

export type Violation = {
  rule: RuleId;
  /** The clause of `rule` that is broken (`syntax`, `control`, …; see rule-registry.ts). */
  clause: string;
  level: ViolationLevel;
  path: string;
  message: string;
  /** The more specific rule behind `rule`, when one rule is reported under another (C-BULK3 ← C-ADDR4). */
  cause?: RuleId;
  /** The clause of `cause`. */
  causeClause?: string;
};

export function violation(ref: RuleRef, path: string, message: string, cause?: RuleRef): Violation {
  const { rule, clause, level } = resolveRuleRef(ref);
  if (level === 'OPEN') throw new Error(`${rule}.${clause} is OPEN: it can never be violated`);
  if (!cause) return { rule, clause, level, path, message };
  const inner = resolveRuleRef(cause);
  return { rule, clause, level, path, message, cause: inner.rule, causeClause: inner.clause };
}

/**
 * Reports `inner` under `ref`, keeping the original rule and clause as the cause. The level is the
 * inner one's: reporting under another rule never raises a SHOULD or an ADVISE to a MUST.
 */
export function reportUnder(inner: Violation, ref: RuleRef): Violation {
  const { rule, clause } = resolveRuleRef(ref);
  return {
    rule,
    clause,
    level: inner.level,
    path: inner.path,
    message: inner.message,
    cause: inner.cause ?? inner.rule,
    causeClause: inner.causeClause ?? inner.clause,
  };
}

/** JSON pointer (RFC 6901) from path segments. */
export function pointer(...segments: ReadonlyArray<string | number>): string {
  let path = '';
  for (const segment of segments) {
    const text = String(segment);
    // Member names and indexes almost never need escaping: skip the two replacements then.
    path +=
      text.includes('~') || text.includes('/')
        ? `/${text.replaceAll('~', '~0').replaceAll('/', '~1')}`
        : `/${text}`;
  }
  return path;
}

export function formatViolation(v: Violation): string {
  return `${v.rule} ${v.path || '/'}: ${v.message}`;
}
