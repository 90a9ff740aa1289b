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

  it.each<[string, string, RegExp]>([
    ['localhost', 'labels', /has only one label/],
    ['example..com', 'labels', /empty label/],
    ['.example.com', 'labels', /empty label/],
    ['example.com.', 'labels', /empty label/],
    ['exa_mple.com', 'labels', /'exa_mple' with '_'/],
    ['exa mple.com', 'labels', /white space in the label 'exa mple'/],
    [' example.com', 'labels', /a space right after '@' is the usual slip/],
    ['example.com"', 'labels', /with '"'/],
    [`${'a'.repeat(64)}.com`, 'label-shape', /label 'a{64}' of 64 octets; at most 63/],
    [domainOf(254), 'label-shape', /is 254 octets long; at most 253/],
    ['-abc.com', 'label-shape', /'-abc' that starts with a hyphen/],
    ['abc-.com', 'label-shape', /'abc-' that ends with a hyphen/],
    ['example.com-', 'label-shape', /'com-' that ends with a hyphen/],
    ['example.123', 'label-shape', /all-digit top-level label '123'/],
    ['example.0', 'label-shape', /all-digit top-level label '0'/],
  ])('rejects %j under C-ADDR5.%s', (domain, clause, message) => {
    const violations = checkDomainLabels(domain, '/Destination/BccAddresses/0');
    expect(violations.map((v) => [v.rule, v.clause, v.level, v.path])).toEqual([
      ['C-ADDR5', clause, clause === 'labels' ? 'MUST' : 'SHOULD', '/Destination/BccAddresses/0'],
    ]);
    expect(violations[0]?.message).toMatch(message);
  });

  it('reports each defect of a domain with several, the MUST clause first', () => {
    expect(checkDomainLabels('-a_.1', '/p').map((v) => v.message)).toEqual([
      `the domain '-a_.1' has the label '-a_' with '_': labels hold only letters, digits and hyphens`,
      `the domain '-a_.1' has the label '-a_' that starts with a hyphen`,
      `the domain '-a_.1' has the all-digit top-level label '1': use a real top-level domain`,
    ]);
  });
});
