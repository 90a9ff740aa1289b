import { addressesOf, addressHeaderViolations, reportUnderHeaderRule } from '../mime/address-headers.ts';
import { headerPointer, type RawMessage } from '../mime/mime-entity.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-MIME4 MUST. A `From` header is present exactly once (clause `present`) and passes section 2
 * (clause `address`).
 *
 * Project decisions (RULES.md section 10): a bad address in `From` is reported here with the address
 * rule as `cause` when it breaks a MUST; SHOULD and ADVISE findings keep their own id and level. A second `From` is reported only as C-MIME5 (R17 lists From), so one defect
 * gives one rule id. A `From` with several mailboxes needs a `Sender` (RFC 5322 §3.6.2).
 */
export function checkFromHeader(message: RawMessage): Violation[] {
  const root = message.root;
  const froms = root.headers.filter((header) => header.key === 'from');
  const first = froms[0];
  if (!first) return [violation('C-MIME4.present', message.path, 'the message has no From header')];
  const out: Violation[] = [];
  for (const from of froms) {
    const path = headerPointer(message, root, from.name);
    out.push(...addressHeaderViolations(from, path).map((v) => reportUnderHeaderRule(v, 'C-MIME4')));
  }
  const mailboxes = addressesOf(first).length;
  // Advice and SHOULD findings do not make the mailboxes unreadable: only a MUST defect hides the count.
  if (
    !out.some((v) => v.level === 'MUST') &&
    mailboxes > 1 &&
    !root.headers.some((header) => header.key === 'sender')
  ) {
    out.push(
      violation(
        'C-MIME4.sender',
        headerPointer(message, root, first.name),
        `the From header holds ${mailboxes} mailboxes but the message has no Sender header (RFC 5322 §3.6.2)`,
      ),
    );
  }
  return out;
}
