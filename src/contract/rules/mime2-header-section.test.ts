import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';
import type { RuleId } from '../rule-catalog.ts';

const PATH = '/Content/Raw/Data';
const HEAD = 'From: sender@example.com\r\nTo: recipient@example.com\r\nSubject: Hi\r\n';
const rulesOf = (mime: string) => [
  ...new Set(checkRawMessage(encodeRawData(mime), PATH).violations.map((v) => v.rule)),
];
const alternative = buildRawMessage({ body: { kind: 'alternative' } });

type Case = [string, { given: string; want: RuleId[] }];

describe('C-MIME2 header section', () => {
  it.each<Case>([
    ['missing blank line before the body', { given: `${HEAD}Hello world\r\n`, want: ['C-MIME2'] }],
    ['headers only, no blank line at all', { given: HEAD, want: ['C-MIME2'] }],
    ['a header line without a colon', { given: `${HEAD}X-Broken header\r\n\r\nHi\r\n`, want: ['C-MIME2'] }],
    ['a space inside the name', { given: `${HEAD}X Custom: 1\r\n\r\nHi\r\n`, want: ['C-MIME2'] }],
    ['a space before the colon', { given: `${HEAD}X-Custom : 1\r\n\r\nHi\r\n`, want: ['C-MIME2'] }],
    ['an empty name', { given: `${HEAD}: value\r\n\r\nHi\r\n`, want: ['C-MIME2'] }],
    ['an 8-bit octet in a name', { given: `${HEAD}X-Gr\u00fc\u00dfe: 1\r\n\r\nHi\r\n`, want: ['C-MIME2'] }],
    ['a continuation before any field', { given: ` folded\r\n${HEAD}\r\nHi\r\n`, want: ['C-MIME2'] }],
    [
      'a part without a blank line',
      {
        given: alternative.replace(
          'Content-Transfer-Encoding: 7bit\r\n\r\nHello',
          'Content-Transfer-Encoding: 7bit\r\nHello',
        ),
        want: ['C-MIME2'],
      },
    ],
    ['folded headers', { given: `${HEAD}X-Long: first\r\n second\r\n\tthird\r\n\r\nHi\r\n`, want: [] }],
    [
      'a folded To header',
      { given: `From: sender@example.com\r\nTo: a@example.com,\r\n b@example.com\r\n\r\nHi\r\n`, want: [] },
    ],
    ['an empty body after the blank line', { given: `${HEAD}\r\n`, want: [] }],
    ['a body line that looks like a header', { given: `${HEAD}\r\nNote: this is body text\r\n`, want: [] }],
  ])('%s', (_name, { given, want }) => {
    // The 8-bit name is written as raw octets, not as UTF-8.
    const data = /[\u0080-\u00ff]/.test(given) ? btoa(given) : encodeRawData(given);
    expect([...new Set(checkRawMessage(data, PATH).violations.map((v) => v.rule))]).toEqual(want);
  });

  it('points a bad part at the part, and quotes the first bad line', () => {
    const given = alternative.replace(
      'charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n<p>',
      'charset=us-ascii\r\nBroken line\r\n\r\n<p>',
    );
    const [found, ...rest] = checkRawMessage(encodeRawData(given), PATH).violations;
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ rule: 'C-MIME2', path: `${PATH}/part/2` });
    expect(found?.message).toContain('"Broken line"');
  });

  it('counts further bad lines in one violation per part', () => {
    const violations = checkRawMessage(
      encodeRawData(`${HEAD}bad one\r\nbad two\r\nbad three\r\n\r\nHi\r\n`),
      PATH,
    ).violations;
    expect(violations).toHaveLength(1);
    expect(violations[0]?.message).toContain('2 more');
  });

  it('still reads the headers after a bad line', () => {
    expect(rulesOf(`X-Broken\r\n${HEAD}\r\nHi\r\n`)).toEqual(['C-MIME2']);
  });
});
