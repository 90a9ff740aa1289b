import fc from 'fast-check';
import { toASCII, toUnicode } from 'tr46';
import { describe, expect, it } from 'vitest';
import { decodeALabel, isAceLabel } from '../address/a-label.ts';
import { hasNonAscii } from '../address/non-ascii.ts';
import { UTS46 } from '../address/uts46-label.ts';
import { checkDomainLabels } from './addr5-domain-labels.ts';
import { checkIdna2008Labels } from './addr7-idna2008-labels.ts';

/**
 * The rule as first written: tr46 on every A-label, then on the whole domain. The rule now asks tr46
 * once per distinct label and skips the whole domain unless it is a Bidi domain; its messages must
 * be these, for every domain.
 */
function reference(domain: string): string[] {
  if (hasNonAscii(domain)) return [];
  const problems: string[] = [];
  let hasALabel = false;
  let accepted = true;
  for (const label of domain.split('.')) {
    if (!isAceLabel(label)) {
      if (label.slice(2, 4) === '--') problems.push(`'--' ${label}`);
      continue;
    }
    hasALabel = true;
    if (!decodeALabel(label).ok) {
      accepted = false;
      continue;
    }
    if (toUnicode(label, UTS46).error) problems.push(`label ${label}`);
  }
  if (
    hasALabel &&
    problems.length === 0 &&
    accepted &&
    checkDomainLabels(domain, '').length === 0 &&
    toUnicode(domain, UTS46).error
  ) {
    problems.push('across');
  }
  return problems;
}

const shape = (domain: string) =>
  checkIdna2008Labels(domain, '/p').map((v) => {
    const label = /^the domain label '([^']*)'/.exec(v.message)?.[1];
    if (label === undefined) return 'across';
    return v.message.includes("has '--' in positions 3–4") ? `'--' ${label}` : `label ${label}`;
  });

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

  // Right-to-left (Hebrew, Arabic, Arabic-Indic digits), left-to-right, joiners and marks: labels
  // valid alone that break the Bidi rule next to others, and labels that break it alone.
  const unicodeLabel = fc
    .string({ unit: fc.constantFrom(...'aZ1-אבب٣ü\u200d\u0301ß'.split('')), minLength: 1, maxLength: 6 })
    .map((label) => toASCII(label))
    .filter((label): label is string => label !== null && !label.includes('.') && label !== '');
  const label = fc.oneof(
    unicodeLabel,
    fc.constantFrom(
      'example',
      'com',
      '1abc',
      '0',
      'a1',
      'ab--cd',
      'a-b',
      '-a',
      'a-',
      '123',
      'xn--4dbrk0ce',
      'XN--4DBRK0CE',
      'xn--mgbh0fb',
      'xn--bcher-kva',
      'xn--zca',
      'xn--abc',
      'xn--a-zhc',
      'xn--zz',
      'xn--',
      'xn--abc-',
    ),
  );
  it('checks every domain as tr46 does on each A-label and on the whole domain', () => {
    let acrossLabels = 0;
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), (labels) => {
        const domain = labels.join('.');
        const expected = reference(domain);
        if (expected.includes('across')) acrossLabels++;
        expect(shape(domain)).toEqual(expected);
      }),
      { seed: 42, numRuns: 3_000 },
    );
    expect(acrossLabels).toBeGreaterThan(20);
  });
});
