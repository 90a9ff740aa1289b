import { toUnicode } from 'tr46';
import { decodeALabel, isAceLabel } from '../address/a-label.ts';
import { hasNonAscii } from '../address/non-ascii.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';
import { checkDomainLabels } from './addr5-domain-labels.ts';

/**
 * C-ADDR7 SHOULD. A label with `--` in positions 3–4 that is not `xn--` is invalid (reserved by
 * IDNA2008); the decoded U-label passes IDNA2008/UTS-46 validation.
 *
 * UTS-46 validation is tr46's `toUnicode` with hyphen, Bidi, joiner and STD3 checks, non-
 * transitional: an A-label must decode to a label that is valid as it stands (not merely mappable).
 * It judges the A-labels C-ADDR6 accepts; the Bidi rule across labels (RFC 5893) is checked on the
 * whole domain once no other domain rule has anything to say about it.
 */
export function checkIdna2008Labels(domain: string, path: string): Violation[] {
  if (hasNonAscii(domain)) return [];
  const problems: string[] = [];
  let hasALabel = false;
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
    hasALabel = true;
    const decoded = decodeALabel(label);
    if (!decoded.ok) {
      acceptedByOtherRules = false;
      continue;
    }
    if (toUnicode(label, UTS46).error) {
      problems.push(
        `the domain label ${quoteForMessage(label)} decodes to ${quoteForMessage(decoded.unicode)}, which fails UTS-46/IDNA2008 validation (disallowed characters, hyphens, joiners or Bidi)`,
      );
    }
  }
  // Without an A-label the domain is plain LDH ASCII: it holds no right-to-left label, so the Bidi
  // rule across labels cannot apply, and validating it again would only cost time.
  if (
    hasALabel &&
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

const UTS46 = {
  checkBidi: true,
  checkHyphens: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  transitionalProcessing: false,
} as const;
