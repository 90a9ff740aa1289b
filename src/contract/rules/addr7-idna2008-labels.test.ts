import { describe, expect, it } from 'vitest';
import { checkIdna2008Labels } from './addr7-idna2008-labels.ts';

describe('C-ADDR7 IDNA2008 labels (SHOULD)', () => {
  it.each([
    'example.com',
    'xn--bcher-kva.de',
    'XN--BCHER-KVA.DE',
    'xn--Bcher-kva.de',
    'xn--zca.de',
    'xn--4dbrk0ce.com',
    'xn--4dbrk0ce.example.com',
    'a-b--c.com',
    'a--.com',
    // Another rule's defect is not reported again here.
    'xn--zz.com',
    'xn--abc-.com',
    '-abc.com',
    'bücher.de',
  ])('accepts %j', (domain) => {
    expect(checkIdna2008Labels(domain, '/p')).toEqual([]);
  });

  it.each<[string, RegExp]>([
    ['ab--cd.example.com', /'ab--cd' has '--' in positions 3–4, which IDNA2008 reserves for 'xn--'/],
    ['example.zz--top', /'zz--top' has '--'/],
    ['XY--z.com', /'XY--z' has '--'/],
    ['xn--abc.com', /'xn--abc' decodes to '\\x82\\x81\\x80', which fails UTS-46/],
    ['xn--a-zhc.com', /'xn--a-zhc' decodes to 'אa'/],
    ['xn--ab-m1t.com', /decodes to 'a\u200db'/],
    ['xn--x-sy8h.com', /decodes to 'ﬁx'/],
    ['xn--b--c-zra.com', /decodes to 'üb--c'/],
    ['xn----eha.com', /decodes to '-ü'/],
    [
      '1abc.xn--4dbrk0ce.com',
      /fails UTS-46\/IDNA2008 validation across its labels \(the Bidi rule, RFC 5893\)/,
    ],
  ])('rejects %j', (domain, message) => {
    const violations = checkIdna2008Labels(domain, '/Destination/ToAddresses/0');
    expect(violations.map((v) => [v.rule, v.level, v.path])).toEqual([
      ['C-ADDR7', 'SHOULD', '/Destination/ToAddresses/0'],
    ]);
    expect(violations[0]?.message).toMatch(message);
  });
});
