import { isAceLabel } from '../address/a-label.ts';
import { hasNonAscii } from '../address/non-ascii.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR5 MUST. The domain is at least two labels; each label 1–63 octets of letters, digits and
 * hyphens, not starting or ending with a hyphen; the whole domain at most 253 octets; the last
 * label is not all digits.
 *
 * Judges ASCII domains only (a non-ASCII one is C-ADDR4's). A trailing hyphen on an `xn--` label
 * is left to C-ADDR6: Punycode of a label with a non-ASCII character never ends in `-`, so such a
 * label is always an invalid A-label, and that is the one defect to report. A trailing root dot
 * (`example.com.`) is an empty label.
 */
export function checkDomainLabels(domain: string, path: string): Violation[] {
  if (hasNonAscii(domain)) return [];
  const shown = quoteForMessage(domain);
  const problems: string[] = [];
  if (domain.length > 253) problems.push(`is ${domain.length} octets long; at most 253 are allowed`);
  const labels = domain.split('.');
  if (labels.length < 2)
    problems.push('has only one label; a domain needs at least two, such as example.com');
  if (labels.includes('')) problems.push(`has an empty label: remove the leading, trailing or doubled '.'`);
  for (const label of labels) {
    if (label === '') continue;
    const name = quoteForMessage(label);
    if (label.length > 63)
      problems.push(`has the label ${name} of ${label.length} octets; at most 63 are allowed`);
    const bad = label.search(/[^A-Za-z0-9-]/);
    if (bad !== -1) {
      problems.push(
        `has the label ${name} with ${quoteForMessage(label.charAt(bad))}: labels hold only letters, digits and hyphens`,
      );
    }
    if (label.startsWith('-')) problems.push(`has the label ${name} that starts with a hyphen`);
    if (label.endsWith('-') && !isAceLabel(label))
      problems.push(`has the label ${name} that ends with a hyphen`);
  }
  const last = labels.at(-1) ?? '';
  if (labels.length > 1 && /^\d+$/.test(last)) {
    problems.push(`has the all-digit top-level label ${quoteForMessage(last)}: use a real top-level domain`);
  }
  return problems.map((problem) => violation('C-ADDR5', path, `the domain ${shown} ${problem}`));
}
