/**
 * Violations about one entry of a SendBulkEmail body: which entry, and the bulk rule they are
 * reported under. The engine writes the JSON pointers, so it is the one to read an entry back from
 * them; the mock and the proxy ask here instead of matching paths themselves.
 */
import type { RuleId } from './rule-catalog.ts';
import { reportUnder, type Violation } from './violation.ts';

/** An entry, or anything inside it. */
const ENTRY_PATH = /^\/BulkEmailEntries\/(\d+)(?:\/|$)/;
/** A member inside an entry (the entry itself, say not an object, is not reported under a bulk rule). */
const INSIDE_ENTRY = /^\/BulkEmailEntries\/\d+\//;
const TO_BULK4: ReadonlySet<RuleId> = new Set(['C-CONT4', 'C-CONT7', 'C-CONT8']);

/** The 0-based index of the bulk entry `v` is about; undefined for one about the whole request. */
export function bulkEntryIndex(v: Pick<Violation, 'path'>): number | undefined {
  const index = ENTRY_PATH.exec(v.path)?.[1];
  return index === undefined ? undefined : Number(index);
}

/**
 * The entry `v` is a defect of, when it is one that entry can be refused for on its own (C-BULK3,
 * C-BULK4; aws answers those per entry, C-A5); undefined for anything else.
 */
export function entryDefectIndex(v: Pick<Violation, 'rule' | 'path'>): number | undefined {
  return v.rule === 'C-BULK3' || v.rule === 'C-BULK4' ? bulkEntryIndex(v) : undefined;
}

/**
 * The entries a SendBulkEmail's violations refuse one by one, when every violation is an entry
 * defect (SES sends the other entries; aws answers each entry, C-A5); undefined when one is about
 * the whole request, which is then refused whole. No violations: no entry refused.
 */
export function refusedEntries(violations: readonly Violation[]): ReadonlySet<number> | undefined {
  const entries = new Set<number>();
  for (const v of violations) {
    const index = entryDefectIndex(v);
    if (index === undefined) return undefined;
    entries.add(index);
  }
  return entries;
}

/**
 * Schema violations inside `BulkEmailEntries[i]` are reported under the bulk rule they break
 * (RULES.md section 10): address and recipient rules as C-BULK3, C-CONT4/7/8 as C-BULK4, with the
 * original rule and clause as `cause`. Only MUST-level ones are reported under the bulk rule: SHOULD
 * and ADVISE ones keep their own id and level, so this never makes a SHOULD a MUST nor advice an error.
 */
export function reportUnderBulkRule(v: Violation): Violation {
  if (v.level !== 'MUST' || !INSIDE_ENTRY.test(v.path)) return v;
  if (v.rule.startsWith('C-ADDR') || v.rule.startsWith('C-DEST')) return reportUnder(v, 'C-BULK3');
  if (TO_BULK4.has(v.rule)) return reportUnder(v, 'C-BULK4');
  return v;
}
