import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';

const PATH = '/Content/Raw/Data';
const check = (mime: string) => checkRawMessage(encodeRawData(mime), PATH).violations;
const withoutFrom = buildRawMessage().replace('From: sender@example.com\r\n', '');

/** `rule.clause/LEVEL`, and `<- cause.clause` when reported under another rule. */
type Case = [string, { given: string; want: string[] }];
const shown = (v: { rule: string; clause: string; level: string; cause?: string; causeClause?: string }) =>
  `${v.rule}.${v.clause}/${v.level}${v.cause ? ` <- ${v.cause}.${v.causeClause}` : ''}`;

describe('C-MIME4 exactly one valid From', () => {
  it.each<Case>([
    ['no From header', { given: withoutFrom, want: ['C-MIME4.present/MUST'] }],
    [
      'an empty From header',
      { given: buildRawMessage({ from: '' }), want: ['C-MIME4.address/MUST <- C-ADDR1.syntax'] },
    ],
    [
      'a From without a domain',
      { given: buildRawMessage({ from: 'sender@' }), want: ['C-MIME4.address/MUST <- C-ADDR1.syntax'] },
    ],
    [
      'a raw non-ASCII display name: advice under its own id, never under C-MIME4',
      {
        given: buildRawMessage({ from: 'S\u00e9nder <sender@example.com>' }),
        want: ['C-ADDR8.encoded-words/ADVISE'],
      },
    ],
    [
      'a Unicode From domain',
      {
        given: buildRawMessage({ from: 'sender@b\u00fccher.de' }),
        want: ['C-MIME4.address/MUST <- C-ADDR4.main'],
      },
    ],
    [
      'a SHOULD defect: its own id and level, never under C-MIME4',
      { given: buildRawMessage({ from: 'sender@-example.com' }), want: ['C-ADDR5.label-shape/SHOULD'] },
    ],
    [
      'two mailboxes and no Sender',
      {
        given: buildRawMessage({ from: 'sender@example.com, other@example.com' }),
        want: ['C-MIME4.sender/MUST'],
      },
    ],
    [
      'two mailboxes and no Sender, one with a raw non-ASCII name: the advice does not hide the count',
      {
        given: buildRawMessage({ from: 'S\u00e9nder <sender@example.com>, other@example.com' }),
        want: ['C-ADDR8.encoded-words/ADVISE', 'C-MIME4.sender/MUST'],
      },
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
      { given: buildRawMessage({ headers: ['From: sender@example.com'] }), want: ['C-MIME5.main/MUST'] },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(check(given).map(shown)).toEqual(want);
  });

  it('points address defects at the From header and the address index', () => {
    const [found] = check(
      buildRawMessage({ from: 'ok@example.com, bad@', headers: ['Sender: sender@example.com'] }),
    );
    expect(found).toMatchObject({
      rule: 'C-MIME4',
      clause: 'address',
      level: 'MUST',
      path: `${PATH}/header/From/1`,
      cause: 'C-ADDR1',
      causeClause: 'syntax',
    });
  });
});
