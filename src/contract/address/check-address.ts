/**
 * Section 2 of RULES.md for one address value: every C-ADDR rule, MUST and SHOULD alike (the
 * caller filters by level). A value that is not a mailbox at all is one C-ADDR1 violation and
 * nothing more; otherwise each rule judges its own piece, so one defect gives one rule id.
 * Never throws.
 *
 * The verdict is a pure function of the value, and a mock or a test run sees the same senders
 * and recipients again and again, so it is remembered per value (bounded, like the per-domain
 * memo beneath it). The JSON pointer differs per call: the rule and sentence are kept, never a
 * violation.
 */
import { checkMailboxSyntax } from '../rules/addr1-mailbox-syntax.ts';
import { checkSevenBitLocalPart } from '../rules/addr2-seven-bit-local-part.ts';
import { checkAddressLengths } from '../rules/addr3-address-lengths.ts';
import { checkDisplayName } from '../rules/addr8-display-name.ts';
import type { Violation } from '../violation.ts';
import { domainViolations } from './domain-violations.ts';
import { parseMailbox } from './parse-mailbox.ts';
import { rememberedVerdicts } from './remembered-verdicts.ts';

function judge(value: string): Violation[] {
  const parsed = parseMailbox(value);
  if (!parsed.ok) return checkMailboxSyntax(value, parsed, '');
  const { mailbox } = parsed;
  // Each rule usually finds nothing: append only what is there instead of spreading empty arrays.
  const found = checkSevenBitLocalPart(mailbox.localPart, '');
  for (const more of [
    checkAddressLengths(mailbox, ''),
    domainViolations(mailbox.domain, ''), // C-ADDR4–7
    checkDisplayName(mailbox.displayName, ''),
  ]) {
    for (const v of more) found.push(v);
  }
  return found;
}

/** Every C-ADDR rule of `value`, reported at `path`. Values over 512 characters are never kept. */
export const checkAddress: (value: string, path: string) => Violation[] = rememberedVerdicts(judge, {
  entries: 2_000,
  keyLength: 512,
});
