import { objectAt } from '../json-reading.ts';
import { checkDestination } from '../validate-send-email.ts';
import { pointer, reportUnder, type Violation } from '../violation.ts';

/**
 * C-BULK3 MUST. Each entry's `Destination` passes section 3 on its own (1–50 recipients, all valid).
 * MUST-level entry defects are reported as C-BULK3 with the section 2/3 rule and clause as `cause`
 * (RULES.md section 10); SHOULD and ADVISE findings keep their own id and level.
 */
export function checkEntryDestination(entry: unknown, index: number): Violation[] {
  const path = pointer('BulkEmailEntries', index, 'Destination');
  return checkDestination(objectAt(entry, 'Destination'), path).map((v) =>
    v.level === 'MUST' ? reportUnder(v, 'C-BULK3') : v,
  );
}
