/**
 * Schema violations inside `BulkEmailEntries[i]` are reported under the bulk rule they break
 * (RULES.md section 10): address and recipient rules as C-BULK3, C-CONT4/7/8 as C-BULK4, with the
 * original rule and clause as `cause`. Only MUST-level ones are reported under the bulk rule: SHOULD
 * and ADVISE ones keep their own id and level, so this never makes a SHOULD a MUST nor advice an error.
 */
import type { RuleId } from './rule-catalog.ts';
import { reportUnder, type Violation } from './violation.ts';

const ENTRY_PATH = /^\/BulkEmailEntries\/\d+\//;
const TO_BULK4: ReadonlySet<RuleId> = new Set(['C-CONT4', 'C-CONT7', 'C-CONT8']);

export function reportUnderBulkRule(v: Violation): Violation {
  if (v.level !== 'MUST' || !ENTRY_PATH.test(v.path)) return v;
  if (v.rule.startsWith('C-ADDR') || v.rule.startsWith('C-DEST')) return reportUnder(v, 'C-BULK3');
  if (TO_BULK4.has(v.rule)) return reportUnder(v, 'C-BULK4');
  return v;
}
