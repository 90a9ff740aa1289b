import type { Mailbox } from '../address/parse-mailbox.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { utf8Octets } from '../address/utf8-octets.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR3 SHOULD. Local part at most 64 octets (clause local-part-length); addr-spec at most 254
 * octets (clause address-length). SES's parser does not count, so neither is a MUST.
 *
 * Octets are UTF-8 octets as sent, quotes and backslashes of a quoted local part included. The
 * addr-spec limit is reported only when each part keeps its own limit (64 here, 253 for the domain
 * in C-ADDR5): a too-long part is one defect, reported once, under the rule for that part.
 */
export function checkAddressLengths(mailbox: Mailbox, path: string): Violation[] {
  const local = utf8Octets(mailbox.localPart);
  if (local > 64) {
    return [
      violation(
        'C-ADDR3.local-part-length',
        path,
        `the local part ${quoteForMessage(mailbox.localPart)} is ${local} octets long; at most 64 are allowed: shorten it`,
      ),
    ];
  }
  const total = utf8Octets(mailbox.addrSpec);
  if (total > 254 && utf8Octets(mailbox.domain) <= 253) {
    return [
      violation(
        'C-ADDR3.address-length',
        path,
        `the address ${quoteForMessage(mailbox.addrSpec)} is ${total} octets long; at most 254 are allowed: shorten the local part or the domain`,
      ),
    ];
  }
  return [];
}
