/**
 * The rule ids and levels of `spec/RULES.md`, as data the engine, the servers and the reporters
 * share. The table itself, with clauses, evidence and places, is `rule-registry.ts`;
 * `rule-catalog.test.ts` keeps it and RULES.md in step.
 */
export {
  type ClauseName,
  type Evidence,
  isRuleId,
  type Place,
  RULE_LEVELS,
  RULES,
  type RuleId,
  type RuleLevel,
  type RuleRef,
  resolveRuleRef,
} from './rule-registry.ts';

import type { RuleId } from './rule-registry.ts';

/** Rules a request can break (sections 2–7); the wire rules (C-W…, C-A…) check responses. */
export type RequestRuleId = Exclude<RuleId, `C-W${string}` | `C-A${string}` | `C-ID${string}`>;
