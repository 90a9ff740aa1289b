import { isAceLabel } from '../address/a-label.ts';
import { hasNonAscii } from '../address/non-ascii.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR5 MUST (domain labels), in two clauses:
 * - `labels` MUST: at least two labels, no empty label, only letters, digits, hyphens and dots
 *   (SES's parser: "Domain starts with dot", "… contains dot-dot", "… contains illegal character";
 *   the single label rests on the AWS documentation, `Domain.TopLevelDomain`);
 * - `label-shape` SHOULD: labels 1–63 octets, not starting or ending with a hyphen, the domain at
 *   most 253 octets, the last label not all digits (RFCs only: SES's parser checks none of them).
 *
 * Checks ASCII domains only (a non-ASCII one is C-ADDR4's). A trailing hyphen on an `xn--` label
 * is left to C-ADDR6: Punycode of a label with a non-ASCII character never ends in `-`, so such a
 * label is always an invalid A-label, and that is the one defect to report. A trailing root dot
 * (`example.com.`) is an empty label.
 */
const NOT_LDH = /[^A-Za-z0-9-]/;

export function checkDomainLabels(domain: string, path: string): Violation[] {
  if (hasNonAscii(domain)) return [];
  const labelsProblems: string[] = [];
  const shapeProblems: string[] = [];
  if (domain.length > 253) shapeProblems.push(`is ${domain.length} octets long; at most 253 are allowed`);
  const labels = domain.split('.');
  if (labels.length < 2)
    labelsProblems.push('has only one label; a domain needs at least two, such as example.com');
  if (labels.includes(''))
    labelsProblems.push(`has an empty label: remove the leading, trailing or doubled '.'`);
  for (const label of labels) {
    if (label === '') continue;
    const bad = label.search(NOT_LDH);
    const long = label.length > 63;
    const leadingHyphen = label.startsWith('-');
    const trailingHyphen = label.endsWith('-') && !isAceLabel(label);
    // Nearly every label is fine: quote it for a message only when there is one.
    if (bad === -1 && !long && !leadingHyphen && !trailingHyphen) continue;
    const name = quoteForMessage(label);
    if (bad !== -1) {
      const c = label.charAt(bad);
      labelsProblems.push(
        c === ' ' || c === '\t'
          ? `has white space in the label ${name}: remove it (a space right after '@' is the usual slip)`
          : `has the label ${name} with ${quoteForMessage(c)}: labels hold only letters, digits and hyphens`,
      );
    }
    if (long) shapeProblems.push(`has the label ${name} of ${label.length} octets; at most 63 are allowed`);
    if (leadingHyphen) shapeProblems.push(`has the label ${name} that starts with a hyphen`);
    if (trailingHyphen) shapeProblems.push(`has the label ${name} that ends with a hyphen`);
  }
  const last = labels.at(-1) ?? '';
  if (labels.length > 1 && /^\d+$/.test(last)) {
    shapeProblems.push(
      `has the all-digit top-level label ${quoteForMessage(last)}: use a real top-level domain`,
    );
  }
  if (labelsProblems.length === 0 && shapeProblems.length === 0) return [];
  // Quoted only now: nearly every domain has nothing to report.
  const shown = quoteForMessage(domain);
  return [
    ...labelsProblems.map((problem) => violation('C-ADDR5.labels', path, `the domain ${shown} ${problem}`)),
    ...shapeProblems.map((problem) =>
      violation('C-ADDR5.label-shape', path, `the domain ${shown} ${problem}`),
    ),
  ];
}
