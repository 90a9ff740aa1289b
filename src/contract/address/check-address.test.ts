import fc from 'fast-check';
import { toASCII } from 'tr46';
import { describe, expect, it } from 'vitest';
import { checkAddress } from './check-address.ts';

const clauses = (value: string): string[] =>
  checkAddress(value, '/Destination/ToAddresses/0').map((v) => `${v.rule}.${v.clause}/${v.level}`);

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

describe('checkAddress: one defect, one clause', () => {
  it.each<[string, string]>([
    // C-ADDR1.syntax: form, and the C-ADDR9 syntax the project rejects.
    ['', 'C-ADDR1.syntax/MUST'],
    ['alice', 'C-ADDR1.syntax/MUST'],
    ['alice@', 'C-ADDR1.syntax/MUST'],
    ['@example.com', 'C-ADDR1.syntax/MUST'],
    ['a@b@example.com', 'C-ADDR1.syntax/MUST'],
    ['Alice <a@example.com', 'C-ADDR1.syntax/MUST'],
    ['"Alice <a@example.com>', 'C-ADDR1.syntax/MUST'],
    ['a@example.com, b@example.com', 'C-ADDR1.syntax/MUST'],
    ['Bob; Smith <b@example.com>', 'C-ADDR1.syntax/MUST'],
    ['Bob@home <b@example.com>', 'C-ADDR1.syntax/MUST'],
    ['Bob [work] <b@example.com>', 'C-ADDR1.syntax/MUST'],
    ['=?UTF-8?B?YWxpY2VAZXhhbXBsZS5vcmc=?=', 'C-ADDR1.syntax/MUST'],
    ['user@[192.0.2.1]', 'C-ADDR1.syntax/MUST'],
    ['user@192.0.2.1', 'C-ADDR1.syntax/MUST'],
    ['user(comment)@example.com', 'C-ADDR1.syntax/MUST'],
    // C-ADDR1.control (SHOULD): CR, LF or NUL, the rest read as white space.
    ['a@example.com\r\n', 'C-ADDR1.control/SHOULD'],
    ['Bob\r\nSmith <a@example.com>', 'C-ADDR1.control/SHOULD'],
    ['Bob\nSmith <a@example.com>', 'C-ADDR1.control/SHOULD'],
    ['a@example.com\u0000', 'C-ADDR1.control/SHOULD'],
    // C-ADDR2.local-part.
    ['bücher@example.com', 'C-ADDR2.local-part/MUST'],
    ['ü@example.com', 'C-ADDR2.local-part/MUST'],
    ['"jürgen"@example.com', 'C-ADDR2.local-part/MUST'],
    ['a..b@example.com', 'C-ADDR2.local-part/MUST'],
    ['.a@example.com', 'C-ADDR2.local-part/MUST'],
    ['a.@example.com', 'C-ADDR2.local-part/MUST'],
    ['a b@example.com', 'C-ADDR2.local-part/MUST'],
    ['alice @example.com', 'C-ADDR2.local-part/MUST'],
    ['"a".b@example.com', 'C-ADDR2.local-part/MUST'],
    ['"a\tb"@example.com', 'C-ADDR2.local-part/MUST'],
    ['a[b@example.com', 'C-ADDR2.local-part/MUST'],
    // OPEN in C-ADDR2, decided as SES's parser decides: it refuses this one ("Unterminated quote").
    ['"a\\\\"@example.com', 'C-ADDR2.local-part/MUST'],
    ['"\\\\"@example.com', 'C-ADDR2.local-part/MUST'],
    // C-ADDR3 (SHOULD): lengths.
    [`${'a'.repeat(65)}@example.com`, 'C-ADDR3.local-part-length/SHOULD'],
    [`"${'a'.repeat(63)}"@example.com`, 'C-ADDR3.local-part-length/SHOULD'],
    [`${'a'.repeat(64)}@${domainOf(190)}`, 'C-ADDR3.address-length/SHOULD'],
    // A 253-octet domain keeps C-ADDR5, but no address with it fits in 254 octets.
    [`a@${domainOf(253)}`, 'C-ADDR3.address-length/SHOULD'],
    // C-ADDR4: a Unicode domain.
    ['user@bücher.de', 'C-ADDR4.main/MUST'],
    ['Jurgen <user@bücher.de>', 'C-ADDR4.main/MUST'],
    ['user@例え.jp', 'C-ADDR4.main/MUST'],
    ['user@-bücher.de', 'C-ADDR4.main/MUST'],
    // C-ADDR5.labels (MUST) and C-ADDR5.label-shape (SHOULD).
    ['user@localhost', 'C-ADDR5.labels/MUST'],
    ['user@example..com', 'C-ADDR5.labels/MUST'],
    ['user@.example.com', 'C-ADDR5.labels/MUST'],
    ['user@example.com.', 'C-ADDR5.labels/MUST'],
    ['user@exa_mple.com', 'C-ADDR5.labels/MUST'],
    ['user@exa mple.com', 'C-ADDR5.labels/MUST'],
    ['user@-abc.com', 'C-ADDR5.label-shape/SHOULD'],
    ['user@abc-.com', 'C-ADDR5.label-shape/SHOULD'],
    ['user@example.123', 'C-ADDR5.label-shape/SHOULD'],
    [`user@${'a'.repeat(64)}.com`, 'C-ADDR5.label-shape/SHOULD'],
    [`a@${domainOf(254)}`, 'C-ADDR5.label-shape/SHOULD'],
    // C-ADDR6 (SHOULD): A-labels.
    ['user@xn--zz.com', 'C-ADDR6.main/SHOULD'],
    ['user@xn--.com', 'C-ADDR6.main/SHOULD'],
    ['user@xn---.com', 'C-ADDR6.main/SHOULD'],
    ['user@xn--abc-.com', 'C-ADDR6.main/SHOULD'],
    ['user@mail.XN--ABC-.COM', 'C-ADDR6.main/SHOULD'],
    // C-ADDR7 (SHOULD): IDNA2008.
    ['user@ab--cd.example.com', 'C-ADDR7.main/SHOULD'],
    ['user@xn--abc.com', 'C-ADDR7.main/SHOULD'],
    ['user@xn--a-zhc.com', 'C-ADDR7.main/SHOULD'],
    ['user@1abc.xn--4dbrk0ce.com', 'C-ADDR7.main/SHOULD'],
    // C-ADDR8 (ADVISE): raw non-ASCII display names, and words that only look like encoded-words.
    ['"Jürgen" <j@example.com>', 'C-ADDR8.encoded-words/ADVISE'],
    ['Jürgen <j@example.com>', 'C-ADDR8.encoded-words/ADVISE'],
    ['Zoë <alice@example.org>', 'C-ADDR8.encoded-words/ADVISE'],
    ['=?UTF-8?X?abc?= <j@example.com>', 'C-ADDR8.encoded-words/ADVISE'],
    ['=?UTF-8?B?SsO8cmdlbg=?= <j@example.com>', 'C-ADDR8.encoded-words/ADVISE'],
  ])('%j breaks only %s', (value, clause) => {
    expect(clauses(value)).toEqual([clause]);
  });

  it('accepts what SES’s parser accepts where the reference leaves it to us', () => {
    for (const value of [
      // RFC 5322 CFWS around the address and inside the angle brackets; SES's parser trims it.
      ' a@example.com',
      'a@example.com\t',
      'Bob < a@example.com >',
      // Java's String.trim, which SES's parser applies: every character up to U+0020 at the ends.
      '\u0001a@example.com\u001f',
      'Bob <\u0001a@example.com>',
      // An unquoted '.' or '\' in a display name, control characters other than CR/LF/NUL there.
      'John Q. Public <j@example.com>',
      'Bob\\ <j@example.com>',
      'Bob\tSmith <j@example.com>',
      '"Bob\u0001" <j@example.com>',
      // OPEN in C-ADDR2: a backslash in an unquoted local part, which SES's parser accepts.
      'a\\b@example.com',
      'a\\ b@example.com',
      // A quoted local part with an escaped backslash that is not its last character.
      '"a\\\\b"@example.com',
      '"a\\""@example.com',
    ]) {
      expect(clauses(value), value).toEqual([]);
    }
  });

  it('reports independent defects under their own clauses', () => {
    expect(clauses('Jürgen <bücher@bücher.de>')).toEqual([
      'C-ADDR2.local-part/MUST',
      'C-ADDR4.main/MUST',
      'C-ADDR8.encoded-words/ADVISE',
    ]);
    expect(clauses('a..b@-abc.xn--zz')).toEqual([
      'C-ADDR2.local-part/MUST',
      'C-ADDR5.label-shape/SHOULD',
      'C-ADDR6.main/SHOULD',
    ]);
    expect(clauses('a\r\n@example.com')).toEqual(['C-ADDR1.control/SHOULD', 'C-ADDR2.local-part/MUST']);
  });

  it('says what is wrong and what to do, with the Punycode computed', () => {
    expect(checkAddress('user@bücher.de', '/Destination/CcAddresses/2')).toEqual([
      {
        rule: 'C-ADDR4',
        clause: 'main',
        level: 'MUST',
        path: '/Destination/CcAddresses/2',
        message: `the domain 'bücher.de' is not ASCII: send it as Punycode 'xn--bcher-kva.de'`,
      },
    ]);
  });

  it('names the mistake a person made (issue 13, item 6)', () => {
    const message = (value: string) => checkAddress(value, '/p')[0]?.message ?? '';
    expect(message('=?UTF-8?B?YWxpY2VAZXhhbXBsZS5vcmc=?=')).toContain(
      'the whole address is an encoded-word; only the display name may be encoded',
    );
    expect(message('=?UTF-8?Q?alice@example.org?=')).toContain('the whole address is an encoded-word');
    expect(message('alice @example.com')).toContain("white space right before '@'");
    expect(message('alice  @exam ple.com')).toContain("white space right before '@'");
    expect(message('Bob "Smith <b@example.com>')).toContain(`the quoted-string opened by the '"' at index 4`);
    expect(message('"a\\\\"@example.com')).toContain('Unterminated quote');
    expect(message('Zoë <alice@example.org>')).toContain('=?UTF-8?B?Wm/Dqw==?=');
    expect(message('a@example.com\r\nBcc: x@evil.com')).toContain('a carriage return (CR) at index 13');
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
