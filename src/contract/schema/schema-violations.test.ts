import { describe, expect, it } from 'vitest';
import { describeCharacter, firstCharacterOutside } from './character-class.ts';
import { isRuleRef, schemaViolations } from './schema-violations.ts';

const simple = (extra: Record<string, unknown>) => ({
  FromEmailAddress: 's@example.com',
  Destination: { ToAddresses: ['a@example.com'] },
  Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } }, ...extra } },
});

describe('schema violations', () => {
  it('report the clause an x-ses-rule names', () => {
    const headers = Array.from({ length: 16 }, (_, i) => ({ Name: `X-${i}`, Value: 'v' }));
    expect(schemaViolations('SendEmailRequest', simple({ Headers: headers }))).toMatchObject([
      { rule: 'C-CONT4', clause: 'count', level: 'MUST', path: '/Content/Simple/Headers' },
    ]);
  });

  it('name the offending character of a header name and its position, not the regex', () => {
    const [found] = schemaViolations(
      'SendEmailRequest',
      simple({ Headers: [{ Name: 'X-Bad:Name', Value: 'v' }] }),
    );
    expect(found).toMatchObject({ rule: 'C-CONT4', clause: 'name', path: '/Content/Simple/Headers/0/Name' });
    expect(found?.message).toBe(
      "':' (U+003A) at position 6 is not allowed: a header name is 1 to 126 printable ASCII characters except ':'",
    );
    expect(found?.message).not.toContain('^[');
  });

  it('name a control character of a header value by its name', () => {
    const [found] = schemaViolations(
      'SendEmailRequest',
      simple({ Headers: [{ Name: 'X-A', Value: 'a\r\nBcc: x' }] }),
    );
    expect(found).toMatchObject({ rule: 'C-CONT4', clause: 'value' });
    expect(found?.message).toMatch(/^CR \(U\+000D\) at position 2 is not allowed/);
  });

  it('describe a value that fails a pattern of another shape by what is expected', () => {
    const body = { ...simple({}), FromEmailAddressIdentityArn: 'arn:aws:s3:::bucket' };
    const [found] = schemaViolations('SendEmailRequest', body);
    expect(found).toMatchObject({ rule: 'C-CONT9', clause: 'format', level: 'SHOULD' });
    expect(found?.message).toContain('an identity ARN has the form arn:aws:ses:');
  });

  it('say an empty string is empty', () => {
    const [found] = schemaViolations('SendEmailRequest', { ...simple({}), FromEmailAddressIdentityArn: '' });
    expect(found).toMatchObject({
      rule: 'C-CONT9',
      clause: 'empty',
      level: 'MUST',
      message: 'must not be empty',
    });
  });
});

describe('rule references', () => {
  it.each([
    ['C-CONT4', true],
    ['C-CONT4.reserved-name', true],
    ['C-CONT4.nope', false],
    ['C-NOPE1', false],
    ['C-CONT12', false],
  ])('%s → %s', (ref, known) => {
    expect(isRuleRef(ref)).toBe(known);
  });
});

describe('character classes', () => {
  it('find the first character outside a repeated class, counting characters from 1', () => {
    expect(firstCharacterOutside('^[A-Za-z0-9_-]{1,64}$', 'ab c')).toEqual({ character: ' ', position: 3 });
    expect(firstCharacterOutside('^[ -~]*$', 'a😀b')).toEqual({ character: '😀', position: 2 });
    expect(firstCharacterOutside('^[A-Za-z]{1,3}$', 'abcd')).toBeUndefined();
    expect(firstCharacterOutside('^(a|b)$', 'c')).toBeUndefined();
  });

  it.each([
    ['\r', 'CR (U+000D)'],
    ['\u0000', 'NUL (U+0000)'],
    ['\u0007', 'a control character (U+0007)'],
    [' ', 'a space (U+0020)'],
    ['é', "'é' (U+00E9)"],
    ['😀', "'😀' (U+1F600)"],
  ])('describe %j as %s', (character, text) => {
    expect(describeCharacter(character)).toBe(text);
  });
});
