import fc from 'fast-check';
import { toASCII } from 'tr46';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../rule-catalog.ts';
import { checkAddress } from './check-address.ts';

const rules = (value: string): RuleId[] =>
  checkAddress(value, '/Destination/ToAddresses/0').map((v) => v.rule);

const label63 = 'a'.repeat(63);
/** A domain of exactly `octets` octets (at least 66): 63-octet labels, then a shorter last one. */
function domainOf(octets: number): string {
  const labels: string[] = [];
  let left = octets;
  while (left > 64) {
    labels.push(label63);
    left -= 64;
  }
  return [...labels, 'b'.repeat(left)].join('.');
}

describe('checkAddress: valid addresses give no violation', () => {
  it.each([
    'alice@example.com',
    'Alice <alice@example.com>',
    '<alice@example.com>',
    '"Smith, Alice" <alice@example.com>',
    'first.last+tag@sub.example.co.uk',
    "!#$%&'*+-/=?^_`{|}~@example.com",
    '"john doe"@example.com',
    '"a\\"b\\\\c"@example.com',
    '"a@b"@example.com',
    'user@xn--bcher-kva.de',
    'user@XN--BCHER-KVA.DE',
    'user@xn--mnchen-3ya.example.com',
    'user@example.xn--p1ai',
    `${'a'.repeat(64)}@example.com`,
    `${'a'.repeat(64)}@${domainOf(189)}`,
    `a@${label63}.com`,
    `a@${domainOf(251)}`,
    'user@123.example.com',
    '=?UTF-8?B?SsO8cmdlbg==?= <j@example.com>',
    '=?UTF-8?Q?J=C3=BCrgen?= <j@example.com>',
    '"=?UTF-8?B?SsO8cmdlbg==?=" <j@example.com>',
    'xn--bcher-kva <j@example.com>',
  ])('%j', (value) => {
    expect(checkAddress(value, '/FromEmailAddress')).toEqual([]);
  });

  it('builds the boundary cases at their exact lengths', () => {
    expect(domainOf(189)).toHaveLength(189);
    expect(domainOf(253)).toHaveLength(253);
    expect(`${'a'.repeat(64)}@${domainOf(189)}`).toHaveLength(254);
  });
});

describe('checkAddress: one defect, one rule', () => {
  it.each<[string, RuleId]>([
    // C-ADDR1: form, CR/LF/NUL, and the C-ADDR9 syntax the project rejects.
    ['a@example.com\r\nBcc: x@evil.com', 'C-ADDR1'],
    ['Alice <a@example.com>\r\nBcc: x@evil.com', 'C-ADDR1'],
    ['a@exa\nmple.com', 'C-ADDR1'],
    ['a\u0000@example.com', 'C-ADDR1'],
    ['', 'C-ADDR1'],
    ['alice', 'C-ADDR1'],
    ['alice@', 'C-ADDR1'],
    ['@example.com', 'C-ADDR1'],
    ['a@b@example.com', 'C-ADDR1'],
    ['Alice <a@example.com', 'C-ADDR1'],
    ['a@example.com, b@example.com', 'C-ADDR1'],
    ['user@[192.0.2.1]', 'C-ADDR1'],
    ['user@192.0.2.1', 'C-ADDR1'],
    ['user(comment)@example.com', 'C-ADDR1'],
    // C-ADDR2: the local part.
    ['bücher@example.com', 'C-ADDR2'],
    ['ü@example.com', 'C-ADDR2'],
    ['"jürgen"@example.com', 'C-ADDR2'],
    ['a..b@example.com', 'C-ADDR2'],
    ['.a@example.com', 'C-ADDR2'],
    ['a.@example.com', 'C-ADDR2'],
    ['a b@example.com', 'C-ADDR2'],
    ['"a".b@example.com', 'C-ADDR2'],
    ['"a\tb"@example.com', 'C-ADDR2'],
    // C-ADDR3: lengths.
    [`${'a'.repeat(65)}@example.com`, 'C-ADDR3'],
    [`"${'a'.repeat(63)}"@example.com`, 'C-ADDR3'],
    [`${'a'.repeat(64)}@${domainOf(190)}`, 'C-ADDR3'],
    // A 253-octet domain keeps C-ADDR5, but no address with it fits in 254 octets.
    [`a@${domainOf(253)}`, 'C-ADDR3'],
    // C-ADDR4: a Unicode domain.
    ['user@bücher.de', 'C-ADDR4'],
    ['Jurgen <user@bücher.de>', 'C-ADDR4'],
    ['user@例え.jp', 'C-ADDR4'],
    ['user@-bücher.de', 'C-ADDR4'],
    // C-ADDR5: labels.
    ['user@-abc.com', 'C-ADDR5'],
    ['user@abc-.com', 'C-ADDR5'],
    ['user@localhost', 'C-ADDR5'],
    ['user@example..com', 'C-ADDR5'],
    ['user@example.com.', 'C-ADDR5'],
    ['user@exa_mple.com', 'C-ADDR5'],
    ['user@example.123', 'C-ADDR5'],
    [`user@${'a'.repeat(64)}.com`, 'C-ADDR5'],
    [`a@${domainOf(254)}`, 'C-ADDR5'],
    // C-ADDR6: A-labels.
    ['user@xn--zz.com', 'C-ADDR6'],
    ['user@xn--.com', 'C-ADDR6'],
    ['user@xn---.com', 'C-ADDR6'],
    ['user@xn--abc-.com', 'C-ADDR6'],
    ['user@mail.XN--ABC-.COM', 'C-ADDR6'],
    // C-ADDR7 (SHOULD): IDNA2008.
    ['user@ab--cd.example.com', 'C-ADDR7'],
    ['user@xn--abc.com', 'C-ADDR7'],
    ['user@xn--a-zhc.com', 'C-ADDR7'],
    ['user@1abc.xn--4dbrk0ce.com', 'C-ADDR7'],
    // C-ADDR8: display names.
    ['"Jürgen" <j@example.com>', 'C-ADDR8'],
    ['Jürgen <j@example.com>', 'C-ADDR8'],
    ['John Q. Public <j@example.com>', 'C-ADDR8'],
    ['=?UTF-8?X?abc?= <j@example.com>', 'C-ADDR8'],
    ['=?UTF-8?B?SsO8cmdlbg=?= <j@example.com>', 'C-ADDR8'],
  ])('%j breaks only %s', (value, rule) => {
    expect(rules(value)).toEqual([rule]);
  });

  it('reports independent defects under their own rules', () => {
    expect(rules('Jürgen <bücher@bücher.de>')).toEqual(['C-ADDR2', 'C-ADDR4', 'C-ADDR8']);
    expect(rules('a..b@-abc.xn--zz')).toEqual(['C-ADDR2', 'C-ADDR5', 'C-ADDR6']);
  });

  it('says what is wrong and what to do, with the Punycode computed', () => {
    expect(checkAddress('user@bücher.de', '/Destination/CcAddresses/2')).toEqual([
      {
        rule: 'C-ADDR4',
        level: 'MUST',
        path: '/Destination/CcAddresses/2',
        message: `the domain 'bücher.de' is not ASCII: send it as Punycode 'xn--bcher-kva.de'`,
      },
    ]);
  });
});

describe('checkAddress: properties', () => {
  it('never throws, and returns violations at the path given, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const violations = checkAddress(value, '/p');
        expect(Array.isArray(violations)).toBe(true);
        for (const v of violations) expect(v.path).toBe('/p');
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never throws on strings made of address syntax', () => {
    const piece = fc.constantFrom(
      'a',
      'ü',
      '.',
      '@',
      '"',
      '\\',
      '<',
      '>',
      ' ',
      '-',
      'xn--',
      '=?',
      '?=',
      '?',
      'B',
      'Q',
      '(',
      '[',
      ',',
      ':',
      ';',
      '\r\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expect(() => checkAddress(pieces.join(''), '/p')).not.toThrow();
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  const atext = fc.constantFrom(..."abcXYZ019!#$%&'*+-/=?^_`{|}~".split(''));
  const atom = fc.string({ unit: atext, minLength: 1, maxLength: 10 });
  const dotAtom = fc.array(atom, { minLength: 1, maxLength: 4 }).map((atoms) => atoms.join('.'));
  const ldhLabel = fc
    .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/)
    .filter((label) => label.slice(2, 4) !== '--');
  const unicodeLabel = fc
    .string({ unit: fc.constantFrom(...'abcäöüßéñçøåλждक中文日本'.split('')), minLength: 1, maxLength: 12 })
    .map((label) =>
      toASCII(label, {
        useSTD3ASCIIRules: true,
        checkHyphens: true,
        checkBidi: true,
        checkJoiners: true,
        transitionalProcessing: false,
      }),
    )
    .filter((label): label is string => label !== null && label.length <= 63);
  const tld = fc.stringMatching(/^[a-z]{2,6}$/);
  const domain = fc
    .tuple(fc.array(fc.oneof(ldhLabel, unicodeLabel), { minLength: 1, maxLength: 3 }), tld)
    .map(([labels, top]) => [...labels, top].join('.'));
  const displayName = fc.oneof(
    fc.array(atom, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
    fc
      .string({ unit: fc.constantFrom(...' abc,.<>@"\\()'.split('')), maxLength: 12 })
      .map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .map((s) => `=?UTF-8?B?${btoa(String.fromCharCode(...new TextEncoder().encode(s)))}?=`),
  );
  const validAddress = fc
    .tuple(fc.option(displayName, { nil: undefined }), dotAtom, domain)
    .map(([name, local, host]) => (name === undefined ? `${local}@${host}` : `${name} <${local}@${host}>`));

  it('finds nothing wrong with generated valid addresses', () => {
    fc.assert(
      fc.property(validAddress, (value) => {
        expect(checkAddress(value, '/p')).toEqual([]);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('generates Punycode labels among the valid addresses', () => {
    const samples = fc.sample(validAddress, { seed: 42, numRuns: 300 });
    expect(samples.some((value) => value.includes('xn--'))).toBe(true);
    expect(samples.some((value) => value.includes('=?UTF-8?B?'))).toBe(true);
  });
});
