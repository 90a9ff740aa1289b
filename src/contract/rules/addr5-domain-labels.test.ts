import { describe, expect, it } from 'vitest';
import { checkDomainLabels } from './addr5-domain-labels.ts';

const label63 = 'a'.repeat(63);
/** 3 × 63-octet labels + 4 dots + a last label of `n` octets. */
const domainOf = (octets: number) => `${label63}.${label63}.${label63}.${'b'.repeat(octets - 192)}`;

describe('C-ADDR5 domain labels', () => {
  it.each([
    'example.com',
    'a.b',
    'mail.sub.example.co.uk',
    'EXAMPLE.COM',
    '1-2-3.example.com',
    '123.example.com',
    'example.c0m',
    `${label63}.com`,
    domainOf(253),
    'xn--bcher-kva.de',
    // Ends in '-', but an xn-- label with a trailing hyphen is C-ADDR6's one defect.
    'xn--abc-.com',
    'bücher.de',
  ])('accepts %j', (domain) => {
    expect(checkDomainLabels(domain, '/p')).toEqual([]);
  });

  it.each<[string, RegExp]>([
    ['localhost', /has only one label/],
    ['example..com', /empty label/],
    ['.example.com', /empty label/],
    ['example.com.', /empty label/],
    [`${'a'.repeat(64)}.com`, /label 'a{64}' of 64 octets; at most 63/],
    [domainOf(254), /is 254 octets long; at most 253/],
    ['-abc.com', /'-abc' that starts with a hyphen/],
    ['abc-.com', /'abc-' that ends with a hyphen/],
    ['example.com-', /'com-' that ends with a hyphen/],
    ['exa_mple.com', /'exa_mple' with '_'/],
    ['exa mple.com', /'exa mple' with ' '/],
    ['example.com"', /with '"'/],
    ['example.123', /all-digit top-level label '123'/],
    ['example.0', /all-digit top-level label '0'/],
  ])('rejects %j', (domain, message) => {
    const violations = checkDomainLabels(domain, '/Destination/BccAddresses/0');
    expect(violations.map((v) => [v.rule, v.path])).toEqual([['C-ADDR5', '/Destination/BccAddresses/0']]);
    expect(violations[0]?.message).toMatch(message);
  });

  it('reports each defect of a domain with several', () => {
    expect(checkDomainLabels('-a_.1', '/p').map((v) => v.message)).toEqual([
      `the domain '-a_.1' has the label '-a_' with '_': labels hold only letters, digits and hyphens`,
      `the domain '-a_.1' has the label '-a_' that starts with a hyphen`,
      `the domain '-a_.1' has the all-digit top-level label '1': use a real top-level domain`,
    ]);
  });
});
