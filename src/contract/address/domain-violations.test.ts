import { describe, expect, it } from 'vitest';
import { checkAsciiDomain } from '../rules/addr4-ascii-domain.ts';
import { checkDomainLabels } from '../rules/addr5-domain-labels.ts';
import { checkValidPunycode } from '../rules/addr6-valid-punycode.ts';
import { checkIdna2008Labels } from '../rules/addr7-idna2008-labels.ts';
import { domainViolations } from './domain-violations.ts';

const uncached = (domain: string, path: string) => [
  ...checkAsciiDomain(domain, path),
  ...checkDomainLabels(domain, path),
  ...checkValidPunycode(domain, path),
  ...checkIdna2008Labels(domain, path),
];

const DOMAINS = [
  'example.com',
  'xn--bcher-kva.de',
  'bücher.de',
  'xn--zz.com',
  'xn--abc.com',
  'ab--cd.example.com',
  '-a-.123',
  'localhost',
  'a..b',
  'xn--4dbrk0ce.1com',
  `${'a'.repeat(70)}.${'b'.repeat(200)}.com`,
];

describe('domainViolations (C-ADDR4–7, cached per domain)', () => {
  it.each(DOMAINS)('equals the four rules for %j, on first and repeated calls, at each path', (domain) => {
    expect(domainViolations(domain, '/A')).toStrictEqual(uncached(domain, '/A'));
    expect(domainViolations(domain, '/B/0')).toStrictEqual(uncached(domain, '/B/0'));
    expect(domainViolations(domain, '/A')).toStrictEqual(uncached(domain, '/A'));
  });

  it('hands out fresh violations: changing one does not change the next answer', () => {
    const first = domainViolations('xn--zz.com', '/p');
    expect(first.length).toBeGreaterThan(0);
    first.length = 0;
    expect(domainViolations('xn--zz.com', '/p')).toStrictEqual(uncached('xn--zz.com', '/p'));
  });

  it('keeps answering correctly past its bound, and for domains too long to keep', () => {
    for (let i = 0; i < 11_000; i++) domainViolations(`host${i}.example`, '/x');
    const long = `${`${'a'.repeat(60)}.`.repeat(6)}com`;
    expect(domainViolations(long, '/x')).toStrictEqual(uncached(long, '/x'));
    expect(domainViolations(long, '/x')).toStrictEqual(uncached(long, '/x'));
    expect(domainViolations('xn--abc.com', '/y')).toStrictEqual(uncached('xn--abc.com', '/y'));
  });
});
