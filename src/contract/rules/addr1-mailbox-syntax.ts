import type { MailboxParse } from '../address/parse-mailbox.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR1 MUST, clause `syntax`. A value is exactly one mailbox: an addr-spec `local@domain`, or a name-addr
 * `display <local@domain>`; no missing `@`, local part or domain, no second address, no unquoted
 * special in the display name, no unclosed quoted-string or angle bracket.
 *
 * Also reported here (RULES.md section 10): what C-ADDR9 leaves OPEN (domain literals, comments,
 * obsolete syntax such as source routes, IP-only domains), which this project rejects.
 */
export function checkMailboxSyntax(value: string, parsed: MailboxParse, path: string): Violation[] {
  if (parsed.ok) return [];
  const shown = quoteForMessage(value);
  const fix = `send one 'local@domain' or 'Name <local@domain>'`;
  const message = parsed.unsupported
    ? `the address ${shown} uses ${parsed.reason}, which the contract leaves OPEN (C-ADDR9) and this project rejects: ${fix}`
    : `the address ${shown} is not a mailbox (${parsed.reason}): ${fix}`;
  return [violation('C-ADDR1.syntax', path, message)];
}

const CONTROL_NAMES: Record<string, string> = {
  '\r': 'a carriage return (CR)',
  '\n': 'a line feed (LF)',
  '\0': 'a NUL character',
};

/**
 * C-ADDR1.control SHOULD. No CR, LF or NUL anywhere in the value: in a header they would end the
 * line or the string. SES's parser folds CR/LF into white space, and what it then does with them
 * is not observed, so this is a SHOULD; one violation per value, naming the first.
 */
export function checkControlCharacters(value: string, path: string): Violation[] {
  const index = value.search(/[\r\n\0]/);
  if (index === -1) return [];
  const name = CONTROL_NAMES[value.charAt(index)] ?? 'a control character';
  return [
    violation(
      'C-ADDR1.control',
      path,
      `the address ${quoteForMessage(value)} contains ${name} at index ${index}; CR, LF or NUL could start a new header line: remove it`,
    ),
  ];
}
