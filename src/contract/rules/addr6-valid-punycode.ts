import { decodeALabel, isAceLabel } from '../address/a-label.ts';
import { hasNonAscii } from '../address/non-ascii.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR6 SHOULD (valid Punycode; SES's parser does not decode Punycode). A label that starts with `xn--` (case-insensitive) is a valid
 * A-label: its Punycode part decodes (RFC 3492), the result contains a non-ASCII character, and
 * encoding it again gives the same label (case-insensitively). `xn--`, `xn--zz`, `xn---` and
 * labels that decode to plain ASCII are invalid.
 *
 * Checks `xn--` labels of letters, digits and hyphens in an ASCII domain; any other character is
 * C-ADDR5's (and a non-ASCII domain C-ADDR4's).
 */
export function checkValidPunycode(domain: string, path: string): Violation[] {
  if (hasNonAscii(domain)) return [];
  return domain
    .split('.')
    .filter((label) => isAceLabel(label) && /^[A-Za-z0-9-]+$/.test(label))
    .flatMap((label) => {
      const decoded = decodeALabel(label);
      if (decoded.ok) return [];
      const fix =
        decoded.ascii === undefined || decoded.ascii === ''
          ? 'send the Punycode that an IDNA library (such as tr46 toASCII) makes of the Unicode label'
          : `write the label as ${quoteForMessage(decoded.ascii)}, without 'xn--'`;
      return [
        violation('C-ADDR6', path, `the domain label ${quoteForMessage(label)} ${decoded.problem}: ${fix}`),
      ];
    });
}
