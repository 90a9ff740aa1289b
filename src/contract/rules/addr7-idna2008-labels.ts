import { toUnicode } from 'tr46';
import { decodeALabel, isAceLabel } from '../address/a-label.ts';
import { hasNonAscii } from '../address/non-ascii.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { UTS46, uts46Label } from '../address/uts46-label.ts';
import { type Violation, violation } from '../violation.ts';
import { checkDomainLabels } from './addr5-domain-labels.ts';

/**
 * C-ADDR7 SHOULD. A label with `--` in positions 3–4 that is not `xn--` is invalid (reserved by
 * IDNA2008); the decoded U-label passes IDNA2008/UTS-46 validation.
 *
 * UTS-46 validation is tr46's `toUnicode` with hyphen, Bidi, joiner and STD3 checks, non-
 * transitional: an A-label must decode to a label that is valid as it stands (not merely mappable).
 * It checks the A-labels C-ADDR6 accepts; the Bidi rule across labels (RFC 5893) is checked on the
 * whole domain once no other domain rule has anything to say about it.
 */
export function checkIdna2008Labels(domain: string, path: string): Violation[] {
  if (hasNonAscii(domain)) return [];
  const problems: string[] = [];
  let rightToLeft = false;
  let acceptedByOtherRules = true;
  for (const label of domain.split('.')) {
    if (!isAceLabel(label)) {
      if (label.slice(2, 4) === '--') {
        problems.push(
          `the domain label ${quoteForMessage(label)} has '--' in positions 3–4, which IDNA2008 reserves for 'xn--'`,
        );
      }
      continue;
    }
    const decoded = decodeALabel(label);
    if (!decoded.ok) {
      acceptedByOtherRules = false;
      continue;
    }
    const checked = uts46Label(label);
    if (!checked.valid) {
      problems.push(
        `the domain label ${quoteForMessage(label)} decodes to ${quoteForMessage(decoded.unicode)}, which fails UTS-46/IDNA2008 validation (disallowed characters, hyphens, joiners or Bidi)`,
      );
    } else if (checked.rightToLeft) {
      rightToLeft = true;
    }
  }
  // Only a Bidi domain (one with a right-to-left label) has a rule across labels. In any other, the
  // whole domain is its A-labels, each valid alone, and LDH labels that C-ADDR5 and the '--' check
  // above accept, so validating it again would find nothing and only cost time.
  if (
    rightToLeft &&
    problems.length === 0 &&
    acceptedByOtherRules &&
    checkDomainLabels(domain, path).length === 0 &&
    toUnicode(domain, UTS46).error
  ) {
    problems.push(
      `the domain ${quoteForMessage(domain)} fails UTS-46/IDNA2008 validation across its labels (the Bidi rule, RFC 5893)`,
    );
  }
  return problems.map((problem) => violation('C-ADDR7', path, `${problem}: use a registrable IDNA2008 name`));
}
