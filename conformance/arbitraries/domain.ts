/**
 * Domains (C-ADDR4, C-ADDR5, C-ADDR6): ASCII labels and Punycode A-labels made from real U-labels
 * with the IDNA library (tr46), with the 63-octet label boundary. Invalid variants each break one
 * clause of those rules: MUST (the same domain sent in Unicode, one label, an empty label, an
 * illegal character) and SHOULD (`xn--` labels that do not decode, reserved `--` labels, 64-octet
 * labels, hyphens at a label's edge, an all-numeric TLD).
 */
import fc from 'fast-check';
import tr46 from 'tr46';
import { IDN_WORDS } from './idn-words.ts';

const IDNA_OPTIONS = {
  checkBidi: true,
  checkHyphens: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  verifyDNSLength: true,
} as const;

// U-labels come from a short word list and IDNA is slow next to the rest of a case: convert each once.
const aLabels = new Map<string, string>();

/** The A-label of a U-label; the word lists hold only labels IDNA accepts, so failure is a bug here. */
export function toALabel(uLabel: string): string {
  const known = aLabels.get(uLabel);
  if (known !== undefined) return known;
  const ascii = tr46.toASCII(uLabel, IDNA_OPTIONS);
  if (ascii === null || !ascii.startsWith('xn--')) throw new Error(`not an IDNA label: ${uLabel}`);
  aLabels.set(uLabel, ascii);
  return ascii;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const LDH = `${LETTERS}0123456789`;

/** 1–63 letters, digits and inner hyphens; short and lower-case unless stretched to the boundary. */
export const asciiLabel: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 8 }), weight: 6 },
  {
    arbitrary: fc
      .tuple(
        // A leading letter: in a domain with a right-to-left label, the Bidi rule (RFC 5893)
        // forbids left-to-right labels that start with a digit.
        fc.constantFrom(...LETTERS),
        fc.string({ unit: fc.constantFrom(...LDH, '-'), maxLength: 10 }),
        fc.constantFrom(...LDH),
      )
      // Hyphens in positions 3–4 are reserved (C-ADDR7, SHOULD): keep valid labels clear of them.
      .map(([a, mid, z]) => `${a}${mid}${z}`.replace(/^(..)--/, '$1-a')),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(...LETTERS).map((c) => c.repeat(63)), weight: 1 },
);

export const uLabel: fc.Arbitrary<string> = fc.constantFrom(...Object.values(IDN_WORDS).flat());

const tld = fc.constantFrom('com', 'org', 'net', 'de', 'example', 'io', 'test');

export type DomainForms = { ascii: string; unicode: string };

/** A valid domain in both forms (they differ when an A-label is present). */
export const domainForms: fc.Arbitrary<DomainForms> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { withCrossShrink: true },
        { arbitrary: asciiLabel.map((l) => ({ ascii: l, unicode: l })), weight: 3 },
        { arbitrary: uLabel.map((u) => ({ ascii: toALabel(u), unicode: u })), weight: 1 },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.oneof(
      { withCrossShrink: true },
      { arbitrary: tld.map((t) => ({ ascii: t, unicode: t })), weight: 4 },
      { arbitrary: uLabel.map((u) => ({ ascii: toALabel(u), unicode: u })), weight: 1 },
    ),
  )
  .map(([labels, top]) => {
    const all = [...labels, top];
    return { ascii: all.map((l) => l.ascii).join('.'), unicode: all.map((l) => l.unicode).join('.') };
  });

export const validDomain: fc.Arbitrary<string> = domainForms.map((d) => d.ascii);

/** C-ADDR4: an internationalised domain sent in Unicode instead of Punycode (emoji included). */
export const unicodeDomain: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  domainForms.filter((d) => d.ascii !== d.unicode).map((d) => d.unicode),
  fc.tuple(fc.constantFrom('😀', '🎉', '✉'), tld).map(([e, t]) => `${e}.${t}`),
);

/** C-ADDR6 SHOULD: `xn--` labels whose Punycode does not decode, or decodes to nothing non-ASCII. */
export const brokenALabelDomain: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('xn--zz', 'xn--', 'XN--ZZ', 'xn--99999999'), fc.boolean(), tld)
  .map(([label, asTld, top]) => (asTld ? `example.${label}` : `${label}.${top}`));

/**
 * C-ADDR7 SHOULD: a reserved `--` label, or an A-label whose U-label UTS-46 disallows (`xn--a` is
 * U+0080, a control). No emoji A-label: UTS-46, which the engine applies, lets those through.
 */
export const reservedLabelDomain: fc.Arbitrary<string> = fc.constantFrom(
  'ab--cd.example.com',
  'mail.zz--top.org',
  'xn--a.example',
);

/** C-ADDR5 MUST [doc]: one label, no `Domain.TopLevelDomain`. SES's parser accepts it. */
export const singleLabelDomain: fc.Arbitrary<string> = asciiLabel;

/** C-ADDR5 MUST [parser]: an empty label ("Domain starts with dot", "… ends with dot", "… dot-dot"). */
export const emptyLabelDomain: fc.Arbitrary<string> = fc
  .tuple(asciiLabel, tld, fc.constantFrom('leading', 'trailing', 'double'))
  .map(([label, top, where]) =>
    where === 'leading' ? `.${label}.${top}` : where === 'trailing' ? `${label}.${top}.` : `${label}..${top}`,
  );

/**
 * C-ADDR5 MUST [parser]: an ASCII character other than a letter, digit, hyphen or dot ("Domain
 * contains illegal character"). Only `atext` punctuation: the others carry address structure.
 */
export const illegalCharacterDomain: fc.Arbitrary<string> = fc
  .tuple(asciiLabel, fc.constantFrom(..."_!#$%&'*+/=?^`{|}~"), fc.nat(), tld)
  // Replaced, not inserted: a 63-octet label stays within the SHOULD clause's length.
  .map(([label, bad, at, top]) => {
    const i = at % label.length;
    return `${label.slice(0, i)}${bad}${label.slice(i + 1)}.${top}`;
  });

/**
 * C-ADDR5 SHOULD [rfc]: one label of a bad shape that SES's parser does not check: 64 octets, a
 * hyphen at a label's edge, an all-numeric TLD. (A domain over 253 octets is left out: with any
 * local part the address is then over C-ADDR3's 254 as well.)
 */
export const badLabelShapeDomain: fc.Arbitrary<string> = fc
  .tuple(asciiLabel, fc.constantFrom('64-octets', 'leading-hyphen', 'trailing-hyphen', 'numeric-tld'), tld)
  .map(([label, defect, top]) => {
    switch (defect) {
      case '64-octets':
        return `${'a'.repeat(64)}.${top}`;
      case 'leading-hyphen':
        return `-${label}.${top}`;
      case 'trailing-hyphen':
        return `${label}-.${top}`;
      default:
        return `${label}.${label.length % 2 === 0 ? '123' : '42'}`;
    }
  });
