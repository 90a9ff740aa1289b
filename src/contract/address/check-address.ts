/**
 * Section 2 of RULES.md for one address value: every C-ADDR rule, MUST and SHOULD alike (the
 * caller filters by level). A value that is not a mailbox at all is one C-ADDR1 violation and
 * nothing more; otherwise each rule judges its own piece, so one defect gives one rule id.
 * Never throws.
 */
import { checkMailboxSyntax } from '../rules/addr1-mailbox-syntax.ts';
import { checkSevenBitLocalPart } from '../rules/addr2-seven-bit-local-part.ts';
import { checkAddressLengths } from '../rules/addr3-address-lengths.ts';
import { checkAsciiDomain } from '../rules/addr4-ascii-domain.ts';
import { checkDomainLabels } from '../rules/addr5-domain-labels.ts';
import { checkValidPunycode } from '../rules/addr6-valid-punycode.ts';
import { checkIdna2008Labels } from '../rules/addr7-idna2008-labels.ts';
import { checkDisplayName } from '../rules/addr8-display-name.ts';
import type { Violation } from '../violation.ts';
import { parseMailbox } from './parse-mailbox.ts';

export function checkAddress(value: string, path: string): Violation[] {
  const parsed = parseMailbox(value);
  if (!parsed.ok) return checkMailboxSyntax(value, parsed, path);
  const { mailbox } = parsed;
  return [
    ...checkSevenBitLocalPart(mailbox.localPart, path),
    ...checkAddressLengths(mailbox, path),
    ...checkAsciiDomain(mailbox.domain, path),
    ...checkDomainLabels(mailbox.domain, path),
    ...checkValidPunycode(mailbox.domain, path),
    ...checkIdna2008Labels(mailbox.domain, path),
    ...checkDisplayName(mailbox.displayName, path),
  ];
}
