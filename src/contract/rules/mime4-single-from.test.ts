import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';
import type { RuleId } from '../rule-catalog.ts';

const PATH = '/Content/Raw/Data';
const check = (mime: string) => checkRawMessage(encodeRawData(mime), PATH).violations;
const withoutFrom = buildRawMessage().replace('From: sender@example.com\r\n', '');

type Case = [string, { given: string; want: RuleId[]; cause?: RuleId }];

describe('C-MIME4 exactly one valid From', () => {
  it.each<Case>([
    ['no From header', { given: withoutFrom, want: ['C-MIME4'] }],
    ['an empty From header', { given: buildRawMessage({ from: '' }), want: ['C-MIME4'], cause: 'C-ADDR1' }],
    [
      'a From without a domain',
      { given: buildRawMessage({ from: 'sender@' }), want: ['C-MIME4'], cause: 'C-ADDR1' },
    ],
    [
      'a raw non-ASCII display name',
      {
        given: buildRawMessage({ from: 'S\u00e9nder <sender@example.com>' }),
        want: ['C-MIME4'],
        cause: 'C-ADDR8',
      },
    ],
    [
      'a Unicode From domain',
      { given: buildRawMessage({ from: 'sender@b\u00fccher.de' }), want: ['C-MIME4'], cause: 'C-ADDR4' },
    ],
    [
      'two mailboxes and no Sender',
      { given: buildRawMessage({ from: 'sender@example.com, other@example.com' }), want: ['C-MIME4'] },
    ],
    [
      'two mailboxes with a Sender',
      {
        given: buildRawMessage({
          from: 'sender@example.com, other@example.com',
          headers: ['Sender: sender@example.com'],
        }),
        want: [],
      },
    ],
    [
      'a name-addr From',
      { given: buildRawMessage({ from: '"Sender, Inc." <sender@example.com>' }), want: [] },
    ],
    [
      'an encoded-word display name',
      { given: buildRawMessage({ from: '=?UTF-8?B?U8OpbmRlcg==?= <sender@example.com>' }), want: [] },
    ],
    ['a lower-case field name', { given: buildRawMessage().replace('From:', 'from:'), want: [] }],
    // Decision: a second From is C-MIME5's (R17 lists From), not also C-MIME4's.
    [
      'two From headers',
      { given: buildRawMessage({ headers: ['From: sender@example.com'] }), want: ['C-MIME5'] },
    ],
  ])('%s', (_name, { given, want, cause }) => {
    const violations = check(given);
    expect([...new Set(violations.map((v) => v.rule))]).toEqual(want);
    if (cause) expect(violations.map((v) => v.cause)).toEqual([cause]);
  });

  it('points address defects at the From header and the address index', () => {
    const [found] = check(
      buildRawMessage({ from: 'ok@example.com, bad@', headers: ['Sender: sender@example.com'] }),
    );
    expect(found).toMatchObject({
      rule: 'C-MIME4',
      level: 'MUST',
      path: `${PATH}/header/From/1`,
      cause: 'C-ADDR1',
    });
  });
});
