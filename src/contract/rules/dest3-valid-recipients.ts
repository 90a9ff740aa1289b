import { checkAddress } from '../address/check-address.ts';
import type { Recipient } from '../destination-recipients.ts';
import type { Violation } from '../violation.ts';

/**
 * C-DEST3 MUST. Every recipient passes section 2 at its level; one bad recipient anywhere (To, Cc
 * or Bcc) makes the whole request invalid. Each defect is reported under its section-2 rule and
 * clause (C-ADDR…), at that clause's level: a SHOULD stays a SHOULD, and C-ADDR8 stays advice.
 */
export function checkRecipients(recipients: readonly Recipient[]): Violation[] {
  const violations: Violation[] = [];
  for (const { address, path } of recipients) {
    for (const v of checkAddress(address, path)) violations.push(v);
  }
  return violations;
}
