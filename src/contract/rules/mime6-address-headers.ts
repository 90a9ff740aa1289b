import {
  ADDRESS_HEADER_KEYS,
  addressesOf,
  addressHeaderViolations,
  hasEightBitOctets,
  liftAddressViolation,
} from '../mime/address-headers.ts';
import { headerPointer, type RawMessage } from '../mime/mime-entity.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-MIME6 MUST. Address headers (From, Sender, Reply-To, To, Cc, Bcc) pass section 2 (7-bit local
 * parts, Punycode domains, encoded-word display names). Header bytes above 0x7F are invalid in them.
 *
 * Project decision (RULES.md section 9): address defects in `Sender`, `Reply-To`, `To`, `Cc`, `Bcc`
 * are reported here with the address rule as `cause`; those in `From` belong to C-MIME4. 8-bit octets
 * are read as UTF-8 and judged by the address rules, which name the defect (a raw `bücher.de` is
 * C-ADDR4); only when no address rule fires (e.g. 8-bit octets in a group name) is the octet itself
 * reported, without a cause. `Sender` holds one mailbox (RFC 5322 §3.6.2). Only the message's own
 * header section is checked: address headers in MIME parts carry no meaning.
 */
export function checkAddressHeaders(message: RawMessage): Violation[] {
  const root = message.root;
  const out: Violation[] = [];
  for (const header of root.headers) {
    if (!ADDRESS_HEADER_KEYS.has(header.key)) continue;
    const path = headerPointer(message, root, header.name);
    const found = addressHeaderViolations(header, path);
    if (header.key !== 'from') out.push(...found.map((v) => liftAddressViolation(v, 'C-MIME6')));
    if (found.length > 0) continue;
    if (hasEightBitOctets(header.value)) {
      out.push(violation('C-MIME6', path, `the ${header.name} header holds octets above 0x7F`));
    } else if (header.key === 'sender' && addressesOf(header).length > 1) {
      out.push(
        violation('C-MIME6', path, 'the Sender header must hold exactly one mailbox (RFC 5322 §3.6.2)'),
      );
    }
  }
  return out;
}
