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
import { type Violation, violation } from '../violation.ts';
import { domainViolations } from './domain-violations.ts';
import { parseMailbox } from './parse-mailbox.ts';

type Problem = Pick<Violation, 'rule' | 'message' | 'cause'>;

/** The memo is dropped whole once it holds this many values, whatever a caller sends. */
const MAX_REMEMBERED_ADDRESSES = 2_000;
/** Longer values (a 254-octet address with a long display name fits) are judged, never kept. */
const MAX_REMEMBERED_LENGTH = 512;

const NONE: readonly Problem[] = [];
const remembered = new Map<string, readonly Problem[]>();

function judge(value: string): readonly Problem[] {
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
  return found.length === 0 ? NONE : found.map(({ rule, message, cause }) => ({ rule, message, cause }));
}

export function checkAddress(value: string, path: string): Violation[] {
  let problems = remembered.get(value);
  if (problems === undefined) {
    problems = judge(value);
    if (value.length <= MAX_REMEMBERED_LENGTH) {
      if (remembered.size >= MAX_REMEMBERED_ADDRESSES) remembered.clear();
      remembered.set(value, problems);
    }
  }
  if (problems.length === 0) return [];
  return problems.map(({ rule, message, cause }) => violation(rule, path, message, cause));
}
