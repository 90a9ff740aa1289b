import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';
import { SINGLE_INSTANCE_HEADERS } from './mime5-single-instance-headers.ts';

const PATH = '/Content/Raw/Data';
const check = (mime: string) => checkRawMessage(encodeRawData(mime), PATH).violations;

describe('C-MIME5 single-instance headers (R17)', () => {
  it.each([
    ['two Subject headers', ['Subject: again'], ['C-MIME5']],
    ['Subject twice in different case', ['SUBJECT: again'], ['C-MIME5']],
    ['two Message-ID headers', ['Message-ID: <a@example.com>', 'Message-ID: <b@example.com>'], ['C-MIME5']],
    [
      'two List-Unsubscribe headers',
      ['List-Unsubscribe: <mailto:u@example.com>', 'List-Unsubscribe: <https://example.com/u>'],
      ['C-MIME5'],
    ],
    [
      'two List-Unsubscribe-Post headers (reference §7.6)',
      [
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        'list-unsubscribe-post: List-Unsubscribe=One-Click',
      ],
      ['C-MIME5'],
    ],
    ['one List-Unsubscribe-Post header', ['List-Unsubscribe-Post: List-Unsubscribe=One-Click'], []],
    ['two acceptLanguage headers', ['acceptLanguage: en', 'acceptLanguage: de'], ['C-MIME5']],
    ['two Reply-To headers', ['Reply-To: a@example.com', 'Reply-To: b@example.com'], ['C-MIME5']],
    ['repeated Received headers', ['Received: from a', 'Received: from b'], []],
    ['repeated custom headers', ['X-Tag: a', 'X-Tag: b'], []],
    ['repeated Comments-like custom header', ['X-Comments: a', 'X-Comments: b'], []],
  ])('%s', (_name, headers, want) => {
    expect([...new Set(check(buildRawMessage({ headers })).map((v) => v.rule))]).toEqual(want);
  });

  it('reports a name once however often it repeats, pointing at the header', () => {
    const violations = check(buildRawMessage({ headers: ['Subject: 2', 'Subject: 3'] }));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule: 'C-MIME5', path: `${PATH}/header/Subject` });
  });

  it('applies inside MIME parts too', () => {
    const mime = buildRawMessage({ body: { kind: 'alternative' } }).replace(
      'Content-Type: text/html; charset=us-ascii\r\n',
      'Content-Type: text/html; charset=us-ascii\r\nContent-Type: text/plain\r\n',
    );
    expect(check(mime)).toMatchObject([{ rule: 'C-MIME5', path: `${PATH}/part/2/header/Content-Type` }]);
  });

  it('lists the R17 names, lower case', () => {
    for (const name of [
      'from',
      'sender',
      'content-alternative',
      'vbr-info',
      'bounces-to',
      'original-subject',
      'acceptlanguage',
    ]) {
      expect(SINGLE_INSTANCE_HEADERS.has(name)).toBe(true);
    }
    expect(SINGLE_INSTANCE_HEADERS.has('to')).toBe(false);
    expect(SINGLE_INSTANCE_HEADERS.has('received')).toBe(false);
  });
});
