/**
 * Whole addresses (section 2): an addr-spec or a name-addr from the local-part, domain and
 * display-name generators, kept within C-ADDR3's 254 octets; plus one generator per address rule
 * that breaks exactly that rule.
 */
import fc from 'fast-check';
import { rawUnicodeDisplayName, validDisplayName } from './display-name.ts';
import { brokenALabelDomain, malformedLabelDomain, unicodeDomain, validDomain } from './domain.ts';
import {
  badDotsLocalPart,
  dotAtomLocalPart,
  eightBitLocalPart,
  tooLongLocalPart,
  unescapedSpecialLocalPart,
  validLocalPart,
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

/** The address rules a single bad address can break, each its own invalid class. */
export type AddressRule = 'C-ADDR1' | 'C-ADDR2' | 'C-ADDR3' | 'C-ADDR4' | 'C-ADDR5' | 'C-ADDR6' | 'C-ADDR8';

const simpleDomain = fc.constantFrom('example.com', 'example.org', 'mail.example.net');

export const invalidAddress: Readonly<Record<AddressRule, fc.Arbitrary<string>>> = {
  'C-ADDR1': fc
    .tuple(dotAtomLocalPart, simpleDomain, fc.constantFrom('\r\n', '\n', '\r', '\u0000'), fc.boolean())
    .map(([local, domain, bad, inName]) =>
      inName ? `Bob${bad}Smith <${local}@${domain}>` : `${local}@${domain}${bad}`,
    ),
  'C-ADDR2': fc
    .tuple(
      fc.oneof({ withCrossShrink: true }, eightBitLocalPart, badDotsLocalPart, unescapedSpecialLocalPart),
      simpleDomain,
    )
    .map(([local, domain]) => `${local}@${domain}`),
  'C-ADDR3': fc.tuple(tooLongLocalPart, simpleDomain).map(([local, domain]) => `${local}@${domain}`),
  'C-ADDR4': fc.tuple(dotAtomLocalPart, unicodeDomain).map(([local, domain]) => `${local}@${domain}`),
  'C-ADDR5': fc.tuple(dotAtomLocalPart, malformedLabelDomain).map(([local, domain]) => `${local}@${domain}`),
  'C-ADDR6': fc.tuple(dotAtomLocalPart, brokenALabelDomain).map(([local, domain]) => `${local}@${domain}`),
  'C-ADDR8': fc
    .tuple(rawUnicodeDisplayName, dotAtomLocalPart, simpleDomain)
    .map(([name, local, domain]) => nameAddr(name, `${local}@${domain}`)),
};

export const ADDRESS_RULES = Object.keys(invalidAddress) as AddressRule[];
