/**
 * Section 2 of RULES.md for one address value: every C-ADDR rule, at every level (the caller
 * filters SHOULD and keeps ADVISE apart). A value that is not a mailbox at all is one
 * C-ADDR1.syntax violation and nothing more; otherwise each rule checks its own piece, so one
 * defect gives one rule id. Never throws.
 *
 * CR, LF and NUL are C-ADDR1.control (SHOULD); the rest of the value is then checked with each of
 * them read as a space, as SES's parser reads CR/LF (folding white space): `a@example.com\r\n` is
 * that one SHOULD defect, `a\r\n@example.com` also a space before '@' (C-ADDR2, MUST).
 *
 * The result is a pure function of the value, and a mock or a test run sees the same senders
 * and recipients again and again, so it is cached per value (bounded, like the per-domain
 * cache beneath it). The JSON pointer differs per call: the rule, clause and sentence are kept,
 * never a violation.
 */
import { checkControlCharacters, checkMailboxSyntax } from '../rules/addr1-mailbox-syntax.ts';
import { checkSevenBitLocalPart } from '../rules/addr2-seven-bit-local-part.ts';
import { checkAddressLengths } from '../rules/addr3-address-lengths.ts';
import { checkDisplayName } from '../rules/addr8-display-name.ts';
import type { Violation } from '../violation.ts';
import { cachedCheck } from './address-check-cache.ts';
import { domainViolations } from './domain-violations.ts';
import { parseMailbox } from './parse-mailbox.ts';

const LINE_BREAK_OR_NUL = /[\r\n\0]/g;

function check(value: string): Violation[] {
  const found = checkControlCharacters(value, '');
  const text = found.length === 0 ? value : value.replace(LINE_BREAK_OR_NUL, ' ');
  const parsed = parseMailbox(text);
  if (!parsed.ok) {
    for (const v of checkMailboxSyntax(text, parsed, '')) found.push(v);
    return found;
  }
  const { mailbox } = parsed;
  // Each rule usually finds nothing: append only what is there instead of spreading empty arrays.
  for (const more of [
    checkSevenBitLocalPart(mailbox.localPart, ''),
    checkAddressLengths(mailbox, ''),
    domainViolations(mailbox.domain, ''), // C-ADDR4–7
    checkDisplayName(mailbox.displayName, ''),
  ]) {
    for (const v of more) found.push(v);
  }
  return found;
}

/** Every C-ADDR rule of `value`, reported at `path`. Values over 512 characters are never kept. */
export const checkAddress: (value: string, path: string) => Violation[] = cachedCheck(check, {
  entries: 10_000,
  keyLength: 512,
});
