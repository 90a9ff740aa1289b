import { describe, expect, it } from 'vitest';
import { checkDisplayName } from './addr8-display-name.ts';

describe('C-ADDR8 display name (ADVISE)', () => {
  it.each([
    undefined,
    'Alice',
    'Alice Smith',
    "O'Brien-Smith +1 {ops}",
    '"Smith, Alice (Ops)"',
    '"Say \\"hi\\""',
    '"John Q. Public"',
    '""',
    '=?UTF-8?B?SsO8cmdlbg==?=',
    '=?utf-8?b?SsO8cmdlbg==?=',
    '=?UTF-8?Q?J=C3=BCrgen?=',
    '=?ISO-8859-1?Q?J=FCrgen_M=FCller?=',
    '=?UTF-8*de?Q?J=C3=BCrgen?=',
    '=?UTF-8?B?SsO8cmdlbg==?= =?UTF-8?Q?M=C3=BCller?=',
    '=?UTF-8?Q?J=C3=BCrgen?= Smith',
    '"=?UTF-8?B?not decoded?="',
    'xn--bcher-kva',
    // A space splits these into atoms that are not encoded-words (RFC 2047 §5): shown literally, valid.
    '=?UTF 8?Q?a?=',
    '=?UTF-8?Q?a b?=',
    // Decided as SES's parser decides (RULES.md section 10): none of these is worth advice.
    'John Q. Public',
    'Bob\\',
    'Alice\tSmith',
    '"Alice\u0007"',
  ])('accepts %j', (name) => {
    expect(checkDisplayName(name, '/p')).toEqual([]);
  });

  it.each<[string, RegExp]>([
    [
      'Jürgen',
      /raw non-ASCII character 'ü' at index 1: SES accepts it but mail programs show the name mangled; write it as RFC 2047 encoded-words, e.g. '=\?UTF-8\?B\?SsO8cmdlbg==\?='/,
    ],
    ['"Jürgen"', /raw non-ASCII character 'ü'.*'=\?UTF-8\?B\?SsO8cmdlbg==\?='/],
    ['"J\\"ü"', /'=\?UTF-8\?B\?SiLDvA==\?='/],
    ['山田 太郎', /raw non-ASCII character '山'/],
    [
      '=?UTF-8?X?abc?=',
      /invalid encoded-word, which mail programs show as it stands: .* has the encoding 'X': use 'B' or 'Q'/,
    ],
    [
      '=?UTF-8?B?SsO8cmdlbg=?=',
      /invalid encoded-word, which mail programs show as it stands: the B-encoded text .* is not valid base64: its length 11/,
    ],
    ['=?UTF-8?B?SsO8c!dlbg==?=', /not valid base64/],
    ['=?UTF-8?B??=', /has no encoded text/],
    ['=?UT(F?Q?a?=', /charset 'UT\(F', which is not an RFC 2047 token/],
    ['=??Q?a?=', /charset '', which is not an RFC 2047 token/],
    ['=?UTF-8?Q?J=C3=BC.rgen?=', /Q-encoded text .* has characters a display name does not allow/],
    ['=?UTF-8?Q?J=Crgen?=', /Q-encoded text/],
    ['=?UTF-8?Q?a?b?=', /not an encoded-word: it needs exactly/],
  ])('advises on %j', (name, message) => {
    const violations = checkDisplayName(name, '/FromEmailAddress');
    expect(violations.map((v) => [v.rule, v.clause, v.level, v.path])).toEqual([
      ['C-ADDR8', 'encoded-words', 'ADVISE', '/FromEmailAddress'],
    ]);
    expect(violations[0]?.message).toMatch(message);
  });
});
