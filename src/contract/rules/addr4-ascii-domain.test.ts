import { describe, expect, it } from 'vitest';
import { checkAsciiDomain } from './addr4-ascii-domain.ts';

describe('C-ADDR4 ASCII domain', () => {
  it.each(['example.com', 'xn--bcher-kva.de', 'XN--BCHER-KVA.DE', 'exa_mple..com', '-x.123'])(
    'accepts %j (other rules check ASCII domains)',
    (domain) => {
      expect(checkAsciiDomain(domain, '/p')).toEqual([]);
    },
  );

  it.each<[string, string]>([
    ['bücher.de', `the domain 'bücher.de' is not ASCII: send it as Punycode 'xn--bcher-kva.de'`],
    ['BÜCHER.DE', `the domain 'BÜCHER.DE' is not ASCII: send it as Punycode 'xn--bcher-kva.de'`],
    [
      'münchen.example.com',
      `the domain 'münchen.example.com' is not ASCII: send it as Punycode 'xn--mnchen-3ya.example.com'`,
    ],
    ['例え.jp', `the domain '例え.jp' is not ASCII: send it as Punycode 'xn--r8jz45g.jp'`],
    ['example。com', `the domain 'example。com' is not ASCII: send it as Punycode 'example.com'`],
    [
      'a\u200db.com',
      `the domain 'a\u200db.com' is not ASCII: it is not a valid internationalized domain name either, so it has no Punycode form: use an ASCII domain`,
    ],
  ])('rejects %j with a Punycode suggestion when there is one', (domain, message) => {
    expect(checkAsciiDomain(domain, '/ReplyToAddresses/1')).toEqual([
      { rule: 'C-ADDR4', clause: 'main', level: 'MUST', path: '/ReplyToAddresses/1', message },
    ]);
  });
});
