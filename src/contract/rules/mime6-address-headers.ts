import {
  ADDRESS_HEADER_KEYS,
  addressesOf,
  addressHeaderViolations,
  hasEightBitOctets,
  reportUnderHeaderRule,
} from '../mime/address-headers.ts';
import { headerPointer, type RawMessage } from '../mime/mime-entity.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-MIME6 MUST (clause `address`). Address headers (From, Sender, Reply-To, To, Cc, Bcc) pass
 * section 2 at its MUST level (7-bit local parts, ASCII domains, mailbox syntax).
 *
 * Project decisions (RULES.md section 10): MUST-level address defects in `Sender`, `Reply-To`,
 * `To`, `Cc`, `Bcc` are reported here with the address rule as `cause`; those in `From` belong to
 * C-MIME4; SHOULD and ADVISE findings keep their own id and level. 8-bit octets are read as UTF-8
 * and checked by the address rules, which name the defect (a raw `bücher.de` is C-ADDR4). Raw 8-bit
 * bytes in a display name (OPEN in C-MIME6) are accepted with C-ADDR8 advice, as in a JSON field,
 * where SES accepts raw non-ASCII names; so are 8-bit octets that no address rule explains (in a
 * group name, which is a display name too). `Sender` holds one mailbox (RFC 5322 §3.6.2). Only the
 * message's own header section is checked: address headers in MIME parts carry no meaning.
 */
export function checkAddressHeaders(message: RawMessage): Violation[] {
  const root = message.root;
  const out: Violation[] = [];
  for (const header of root.headers) {
    if (!ADDRESS_HEADER_KEYS.has(header.key)) continue;
    const path = headerPointer(message, root, header.name);
    const found = addressHeaderViolations(header, path);
    if (header.key !== 'from') out.push(...found.map((v) => reportUnderHeaderRule(v, 'C-MIME6')));
    if (found.length > 0) continue;
    if (hasEightBitOctets(header.value)) {
      out.push(
        violation(
          'C-ADDR8.encoded-words',
          path,
          `the ${header.name} header holds raw octets above 0x7F outside any address (a group name?): SES accepts them but mail programs show them mangled; write the name as RFC 2047 encoded-words`,
        ),
      );
    } else if (header.key === 'sender' && addressesOf(header).length > 1) {
      out.push(
        violation(
          'C-MIME6.address',
          path,
          'the Sender header must hold exactly one mailbox (RFC 5322 §3.6.2)',
        ),
      );
    }
  }
  return out;
}
