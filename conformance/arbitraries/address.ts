/**
 * Whole addresses (section 2): an addr-spec or a name-addr from the local-part, domain and
 * display-name generators, kept within C-ADDR3's 254 octets; plus, per clause of each address
 * rule, the kinds of bad address that break exactly that clause.
 *
 * MUST kinds (`invalidAddress`) are what a default run sends as must-reject cases; SHOULD kinds
 * (`shouldInvalidAddress`) only strict runs send. C-ADDR8 (ADVISE) and the OPEN cases of C-ADDR2
 * and C-ADDR9 are never generated, in either direction. Each kind names its evidence: where it
 * includes `parser`, SES's own parser refuses every address of the kind
 * (`conformance/ses-parser/generated-addresses.test.ts` checks that).
 */
import fc from 'fast-check';
import { unquotedSpecialDisplayName, validDisplayName } from './display-name.ts';
import {
  badLabelShapeDomain,
  brokenALabelDomain,
  emptyLabelDomain,
  illegalCharacterDomain,
  reservedLabelDomain,
  singleLabelDomain,
  unicodeDomain,
  validDomain,
} from './domain.ts';
import {
  badDotsLocalPart,
  dotAtomLocalPart,
  eightBitLocalPart,
  longestLocalPart,
  tooLongLocalPart,
  unescapedSpecialLocalPart,
  validLocalPart,
  whiteSpaceLocalPart,
} from './local-part.ts';

const MAX_ADDR_SPEC = 254;

export const validAddrSpec: fc.Arbitrary<string> = fc
  .tuple(validLocalPart, validDomain)
  // Rare: a 64-octet local part with a long domain. Shorten the domain's labels rather than filter.
  .map(([local, domain]) => {
    const spec = `${local}@${domain}`;
    return spec.length <= MAX_ADDR_SPEC ? spec : `${local}@example.com`;
  });

export function nameAddr(display: string, spec: string): string {
  return `${display} <${spec}>`;
}

export const validAddress: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: validAddrSpec, weight: 3 },
  { arbitrary: fc.tuple(validDisplayName, validAddrSpec).map(([d, s]) => nameAddr(d, s)), weight: 1 },
);

/** The evidence behind a kind of bad address, as in RULES.md: `parser` means SES's parser refuses it. */
export type Evidence = 'obs' | 'doc' | 'parser' | 'rfc';

/** The MUST address rules a single bad address can break, each its own invalid class. */
export type AddressRule = 'C-ADDR1' | 'C-ADDR2' | 'C-ADDR4' | 'C-ADDR5';
/** The address rules with a SHOULD clause: strict runs only. */
export type ShouldAddressRule = 'C-ADDR1' | 'C-ADDR3' | 'C-ADDR5' | 'C-ADDR6' | 'C-ADDR7';

/** One kind of bad address; `clause` is the clause's name in the rule registry. */
export type BadAddressKind<R extends string = string> = {
  readonly rule: R;
  readonly clause: string;
  readonly kind: string;
  readonly evidence: readonly Evidence[];
  readonly addresses: fc.Arbitrary<string>;
};

const simpleDomain = fc.constantFrom('example.com', 'example.org', 'mail.example.net');
const simpleName = fc.constantFrom('Bob', 'Carol Smith', 'Support');

/** The spec alone, or behind a valid display name: the defect is the spec's either way. */
function bareOrNamed(spec: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(spec, fc.option(validDisplayName, { nil: undefined, freq: 3 }))
    .map(([s, display]) => (display === undefined ? s : nameAddr(display, s)));
}

const withLocal = (local: fc.Arbitrary<string>) =>
  bareOrNamed(fc.tuple(local, simpleDomain).map(([l, d]) => `${l}@${d}`));
const withDomain = (domain: fc.Arbitrary<string>) =>
  bareOrNamed(fc.tuple(dotAtomLocalPart, domain).map(([l, d]) => `${l}@${d}`));

const spec = fc.tuple(dotAtomLocalPart, simpleDomain).map(([l, d]) => `${l}@${d}`);

export const MUST_ADDRESS_KINDS: readonly BadAddressKind<AddressRule>[] = [
  {
    rule: 'C-ADDR1',
    clause: 'syntax',
    kind: 'missing-at',
    evidence: ['parser', 'obs'],
    addresses: bareOrNamed(fc.tuple(dotAtomLocalPart, simpleDomain).map(([l, d]) => `${l}.${d}`)),
  },
  {
    rule: 'C-ADDR1',
    clause: 'syntax',
    kind: 'missing-local-part',
    evidence: ['parser'],
    addresses: bareOrNamed(simpleDomain.map((d) => `@${d}`)),
  },
  {
    rule: 'C-ADDR1',
    clause: 'syntax',
    kind: 'missing-domain',
    evidence: ['parser'],
    addresses: bareOrNamed(dotAtomLocalPart.map((l) => `${l}@`)),
  },
  {
    rule: 'C-ADDR1',
    clause: 'syntax',
    kind: 'two-addresses',
    evidence: ['parser', 'obs'],
    addresses: fc
      .tuple(bareOrNamed(spec), bareOrNamed(spec), fc.constantFrom(', ', ','))
      .map(([a, b, comma]) => `${a}${comma}${b}`),
  },
  {
    rule: 'C-ADDR1',
    clause: 'syntax',
    kind: 'unquoted-special-in-display-name',
    evidence: ['parser', 'obs'],
    addresses: fc.tuple(unquotedSpecialDisplayName, spec).map(([name, s]) => nameAddr(name, s)),
  },
  {
    rule: 'C-ADDR1',
    clause: 'syntax',
    kind: 'unclosed-quote',
    evidence: ['parser', 'obs'],
    addresses: fc.tuple(simpleName, spec).map(([name, s]) => `"${name} <${s}>`),
  },
  {
    rule: 'C-ADDR1',
    clause: 'syntax',
    kind: 'unclosed-angle-bracket',
    evidence: ['parser', 'obs'],
    addresses: fc
      .tuple(simpleName, spec, fc.boolean())
      .map(([name, s, opening]) => (opening ? `${name} <${s}` : `${name} ${s}>`)),
  },
  {
    rule: 'C-ADDR2',
    clause: 'local-part',
    kind: 'eight-bit',
    evidence: ['obs', 'parser'],
    // Unquoted only: JavaMail before 1.6 did not look inside a quoted-string, so SES's parser
    // takes `"é"@example.com`, and the quoted form has no evidence of its own.
    addresses: withLocal(eightBitLocalPart),
  },
  {
    rule: 'C-ADDR2',
    clause: 'local-part',
    kind: 'white-space',
    evidence: ['parser'],
    addresses: withLocal(whiteSpaceLocalPart),
  },
  {
    rule: 'C-ADDR2',
    clause: 'local-part',
    kind: 'unquoted-special',
    evidence: ['parser'],
    addresses: withLocal(unescapedSpecialLocalPart),
  },
  {
    rule: 'C-ADDR2',
    clause: 'local-part',
    kind: 'bad-dots',
    evidence: ['parser'],
    addresses: withLocal(badDotsLocalPart),
  },
  {
    rule: 'C-ADDR4',
    clause: 'main',
    kind: 'unicode-domain',
    evidence: ['doc', 'parser'],
    addresses: withDomain(unicodeDomain),
  },
  {
    rule: 'C-ADDR5',
    clause: 'labels',
    kind: 'single-label',
    // The AWS documentation's `Domain.TopLevelDomain`; SES's parser accepts `a@localhost`.
    evidence: ['doc'],
    addresses: withDomain(singleLabelDomain),
  },
  {
    rule: 'C-ADDR5',
    clause: 'labels',
    kind: 'empty-label',
    evidence: ['parser'],
    addresses: withDomain(emptyLabelDomain),
  },
  {
    rule: 'C-ADDR5',
    clause: 'labels',
    kind: 'illegal-character',
    evidence: ['parser'],
    addresses: withDomain(illegalCharacterDomain),
  },
];

/** A 190-octet domain of valid labels: with a 64-octet local part, 255 octets in all. */
const LONG_DOMAIN = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(58)}.com`;

export const SHOULD_ADDRESS_KINDS: readonly BadAddressKind<ShouldAddressRule>[] = [
  {
    rule: 'C-ADDR1',
    clause: 'control',
    kind: 'cr-lf-nul',
    evidence: ['rfc'],
    addresses: fc
      .tuple(dotAtomLocalPart, simpleDomain, fc.constantFrom('\r\n', '\n', '\r', '\u0000'), fc.boolean())
      .map(([local, domain, bad, inName]) =>
        inName ? `Bob${bad}Smith <${local}@${domain}>` : `${local}@${domain}${bad}`,
      ),
  },
  {
    rule: 'C-ADDR3',
    clause: 'local-part-length',
    kind: 'local-part-over-64',
    evidence: ['rfc'],
    addresses: withLocal(tooLongLocalPart),
  },
  {
    rule: 'C-ADDR3',
    clause: 'address-length',
    kind: 'addr-spec-over-254',
    evidence: ['rfc'],
    addresses: bareOrNamed(longestLocalPart.map((local) => `${local}@${LONG_DOMAIN}`)),
  },
  {
    rule: 'C-ADDR5',
    clause: 'label-shape',
    kind: 'label-shape',
    evidence: ['rfc'],
    addresses: withDomain(badLabelShapeDomain),
  },
  {
    rule: 'C-ADDR6',
    clause: 'main',
    kind: 'broken-a-label',
    evidence: ['rfc'],
    addresses: withDomain(brokenALabelDomain),
  },
  {
    rule: 'C-ADDR7',
    clause: 'main',
    kind: 'reserved-or-disallowed-label',
    evidence: ['rfc'],
    addresses: withDomain(reservedLabelDomain),
  },
];

function byRule<R extends string>(
  kinds: readonly BadAddressKind<R>[],
): Readonly<Record<R, fc.Arbitrary<string>>> {
  const rules = [...new Set(kinds.map((k) => k.rule))];
  return Object.fromEntries(
    rules.map((rule) => [
      rule,
      fc.oneof({ withCrossShrink: true }, ...kinds.filter((k) => k.rule === rule).map((k) => k.addresses)),
    ]),
  ) as Record<R, fc.Arbitrary<string>>;
}

/** Per MUST address rule: addresses that break exactly that rule's MUST clause. */
export const invalidAddress: Readonly<Record<AddressRule, fc.Arbitrary<string>>> = byRule(MUST_ADDRESS_KINDS);
export const ADDRESS_RULES = Object.keys(invalidAddress) as AddressRule[];

/** Per address rule with a SHOULD clause: addresses that break exactly that SHOULD clause and no MUST. */
export const shouldInvalidAddress: Readonly<Record<ShouldAddressRule, fc.Arbitrary<string>>> =
  byRule(SHOULD_ADDRESS_KINDS);
export const SHOULD_ADDRESS_RULES = Object.keys(shouldInvalidAddress) as ShouldAddressRule[];
