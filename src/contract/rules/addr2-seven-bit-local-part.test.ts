import { describe, expect, it } from 'vitest';
import { checkSevenBitLocalPart } from './addr2-seven-bit-local-part.ts';

describe('C-ADDR2 7-bit local part', () => {
  it.each([
    'alice',
    'first.last',
    "!#$%&'*+-/=?^_`{|}~",
    'a.b.c.d',
    'x',
    '"a b"',
    '"a\\"b"',
    '"a\\\\b"',
    '"john..doe"',
    '".leading"',
    '"a@b,c"',
    '""',
    // OPEN in C-ADDR2, decided as SES's parser decides: a backslash escape outside quotes passes.
    'a\\b',
    'a\\ b',
    '\\a',
    // An escaped backslash that is not the last character, or an escaped quote last.
    '"a\\\\b"',
    '"a\\""',
  ])('accepts %j', (local) => {
    expect(checkSevenBitLocalPart(local, '/p')).toEqual([]);
  });

  it.each<[string, RegExp]>([
    ['bücher', /non-ASCII character 'ü' at index 1: SES does not support SMTPUTF8/],
    ['\u00ff', /non-ASCII character/],
    ['"jürgen"', /non-ASCII character 'ü'/],
    ['用户', /non-ASCII character '用' at index 0/],
    ['a..b', /two dots in a row at index 1/],
    ['.a', /starts with '\.'/],
    ['a.', /ends with '\.'/],
    ['a b', /white space at index 1, which an unquoted local part cannot hold/],
    ['alice ', /ends with white space right before '@': remove the space before '@'/],
    ['a b ', /right before '@'/],
    ['a"b"', /'"' at index 1/],
    ['a[b]', /'\[' at index 1/],
    ['a\\', /ends with a '\\' that escapes nothing/],
    ['a\tb', /white space at index 1/],
    // OPEN in C-ADDR2, decided as SES's parser decides: it refuses these ("Unterminated quote").
    ['"a\\\\"', /escaped backslash .*SES's address parser wrongly refuses \("Unterminated quote"/],
    ['"\\\\"', /Unterminated quote/],
    ['"a"b', /goes on after its closing quote at index 2/],
    ['"a".b', /goes on after its closing quote/],
    ['"a\tb"', /control character '\\t' at index 2/],
    ['"a\\\u0001"', /'\\' at index 2 that escapes no printable character/],
    ['"abc', /opened by the '"' at index 0, which is never closed/],
  ])('rejects %j', (local, message) => {
    const violations = checkSevenBitLocalPart(local, '/Destination/CcAddresses/0');
    expect(violations.map((v) => [v.rule, v.clause, v.level, v.path])).toEqual([
      ['C-ADDR2', 'local-part', 'MUST', '/Destination/CcAddresses/0'],
    ]);
    expect(violations[0]?.message).toMatch(message);
  });
});
