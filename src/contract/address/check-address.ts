/**
 * Section 2 of RULES.md for one address value: every C-ADDR rule, MUST and SHOULD alike (the
 * caller filters by level). A value that is not a mailbox at all is one C-ADDR1 violation and
 * nothing more; otherwise each rule judges its own piece, so one defect gives one rule id.
 * Never throws.
 */
import { checkMailboxSyntax } from '../rules/addr1-mailbox-syntax.ts';
import { checkSevenBitLocalPart } from '../rules/addr2-seven-bit-local-part.ts';
import { checkAddressLengths } from '../rules/addr3-address-lengths.ts';
import { checkDisplayName } from '../rules/addr8-display-name.ts';
import type { Violation } from '../violation.ts';
import { domainViolations } from './domain-violations.ts';
import { parseMailbox } from './parse-mailbox.ts';

export function checkAddress(value: string, path: string): Violation[] {
  const parsed = parseMailbox(value);
  if (!parsed.ok) return checkMailboxSyntax(value, parsed, path);
  const { mailbox } = parsed;
  // Each rule usually finds nothing: append only what is there instead of spreading empty arrays.
  const violations = checkSevenBitLocalPart(mailbox.localPart, path);
  for (const found of [
    checkAddressLengths(mailbox, path),
    domainViolations(mailbox.domain, path), // C-ADDR4–7
    checkDisplayName(mailbox.displayName, path),
  ]) {
    for (const v of found) violations.push(v);
  }
  return violations;
}
