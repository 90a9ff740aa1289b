import type { MailboxParse } from '../address/parse-mailbox.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR1 MUST. A value is an addr-spec `local@domain`, or a name-addr `display <local@domain>`.
 * No CR, LF or NUL anywhere.
 *
 * Also reported here (RULES.md section 9): what C-ADDR9 leaves OPEN (domain literals, comments,
 * obsolete syntax such as source routes, IP-only domains), which this project rejects.
 */
export function checkMailboxSyntax(value: string, parsed: MailboxParse, path: string): Violation[] {
  if (parsed.ok) return [];
  const shown = quoteForMessage(value);
  const fix = `send one 'local@domain' or 'Name <local@domain>'`;
  const message = parsed.unsupported
    ? `the address ${shown} uses ${parsed.reason}, which the contract leaves OPEN (C-ADDR9) and this project rejects: ${fix}`
    : `the address ${shown} is not a mailbox (${parsed.reason}): ${fix}`;
  return [violation('C-ADDR1', path, message)];
}
