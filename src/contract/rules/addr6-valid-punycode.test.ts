import { describe, expect, it } from 'vitest';
import { checkValidPunycode } from './addr6-valid-punycode.ts';

describe('C-ADDR6 valid Punycode', () => {
  it.each([
    'example.com',
    'xn--bcher-kva.de',
    'XN--BCHER-KVA.DE',
    'Xn--Bcher-Kva.de',
    'xn--mnchen-3ya.example.com',
    'xn--r8jz45g.jp',
    'example.xn--p1ai',
    'xn--ls8h.la',
    // Decodes to C1 controls: a valid A-label for RFC 3492, left to C-ADDR7 (UTS-46).
    'xn--abc.com',
    // Not LDH, so C-ADDR5's; non-ASCII, so C-ADDR4's.
    'xn--a_b.com',
    'xn--bücher.de',
  ])('accepts %j', (domain) => {
    expect(checkValidPunycode(domain, '/p')).toEqual([]);
  });

  it.each<[string, RegExp]>([
    ['xn--.com', /'xn--' has nothing after 'xn--': send the Punycode/],
    ['xn--zz.com', /'xn--zz' has Punycode 'zz' that does not decode \(RFC 3492\)/],
    ['xn---.com', /'xn---' has Punycode '-' that does not decode/],
    [
      'xn--abc-.com',
      /'xn--abc-' decodes to the plain ASCII 'abc', so it is not an A-label: write the label as 'abc', without 'xn--'/,
    ],
    ['XN--ABC-.COM', /decodes to the plain ASCII 'ABC'/],
    ['example.xn--bcher-kva-.de', /'xn--bcher-kva-' decodes to the plain ASCII 'bcher-kva'/],
    ['xn--99999999999999.com', /does not decode/],
    ['mail.xn--zz', /'xn--zz' has Punycode 'zz'/],
  ])('rejects %j', (domain, message) => {
    const violations = checkValidPunycode(domain, '/FromEmailAddress');
    expect(violations.map((v) => [v.rule, v.level, v.path])).toEqual([
      ['C-ADDR6', 'SHOULD', '/FromEmailAddress'],
    ]);
    expect(violations[0]?.message).toMatch(message);
  });

  it('reports every bad A-label', () => {
    expect(checkValidPunycode('xn--zz.xn--.com', '/p').map((v) => v.rule)).toEqual(['C-ADDR6', 'C-ADDR6']);
  });
});
