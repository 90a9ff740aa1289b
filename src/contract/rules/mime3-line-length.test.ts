import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';

const PATH = '/Content/Raw/Data';
const check = (mime: string) => checkRawMessage(encodeRawData(mime), PATH).violations;
const text = (body: string) => buildRawMessage({ body: { kind: 'text', text: body } });

describe('C-MIME3 line length (ADVISE)', () => {
  it('is advice: SES accepts long lines, so the finding is never a MUST or SHOULD violation', () => {
    const found = check(text('a'.repeat(999)));
    expect(found).toMatchObject([{ rule: 'C-MIME3', clause: 'line-length', level: 'ADVISE' }]);
    expect(found[0]?.message).toContain('999 octets');
    expect(found[0]?.message).toContain('bounce');
  });

  it.each([
    ['a 999-octet body line', text('a'.repeat(999)), ['C-MIME3']],
    ['a 998-octet body line', text('a'.repeat(998)), []],
    [
      'a 999-octet header line',
      buildRawMessage({ subject: 's'.repeat(999 - 'Subject: '.length) }),
      ['C-MIME3'],
    ],
    ['a 998-octet header line', buildRawMessage({ subject: 's'.repeat(998 - 'Subject: '.length) }), []],
    ['a 998-octet last line without a line ending', text('a'.repeat(998)).slice(0, -2), []],
    ['a 999-octet last line without a line ending', text('a'.repeat(999)).slice(0, -2), ['C-MIME3']],
    [
      'a 2000-octet line folded into short ones',
      buildRawMessage({ headers: [`X-Long: ${'a '.repeat(400)}\r\n ${'b '.repeat(400)}`] }),
      [],
    ],
  ])('%s', (_name, mime, want) => {
    expect([...new Set(check(mime).map((v) => v.rule))]).toEqual(want);
  });

  it('counts the octets before CRLF, so 998 + CRLF is 1000 octets and fine', () => {
    const mime = text('a'.repeat(998));
    expect(mime).toContain(`${'a'.repeat(998)}\r\n`);
    expect(check(mime)).toEqual([]);
  });

  it('reports once per message, at the part holding the first long line, counting the rest', () => {
    const mime = buildRawMessage({
      body: {
        kind: 'alternative',
        text: 'x'.repeat(1200),
        html: `${'y'.repeat(1000)}\r\n${'z'.repeat(1000)}`,
      },
    });
    const violations = check(mime);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule: 'C-MIME3', path: `${PATH}/part/1` });
    expect(violations[0]?.message).toContain('1200 octets');
    expect(violations[0]?.message).toContain('2 more');
  });
});
