import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';

const PATH = '/Content/Raw/Data';
const HEAD = 'From: sender@example.com\r\nTo: recipient@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n';
const rulesOf = (data: string) => [...new Set(checkRawMessage(data, PATH).violations.map((v) => v.rule))];
const nested = buildRawMessage({ body: { kind: 'nested', attachments: [{ fileName: 'a.pdf', size: 300 }] } });

function single(encoding: string, body: string): string {
  return `${HEAD}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${body}`;
}

describe('C-MIME10 transfer hygiene (SHOULD)', () => {
  it.each([
    [
      'a valid message with LF-only endings',
      encodeRawData(
        buildRawMessage({
          lineEnding: '\n',
          body: { kind: 'nested', attachments: [{ fileName: 'a.pdf', size: 300 }] },
        }),
      ),
      ['C-MIME10'],
    ],
    ['one bare LF', encodeRawData(nested.replace('Subject: Hello\r\n', 'Subject: Hello\n')), ['C-MIME10']],
    [
      'a bare CR in a body line',
      encodeRawData(buildRawMessage({ body: { kind: 'text', text: 'one\rtwo' } })),
      ['C-MIME10'],
    ],
    ['an 8-bit Subject', btoa(buildRawMessage({ subject: 'Gr\u00fc\u00dfe' })), ['C-MIME10']],
    ['a UTF-8 Subject', encodeRawData(buildRawMessage({ subject: 'Gr\u00fc\u00dfe' })), ['C-MIME10']],
    ['an 8-bit filename', encodeRawData(nested.replaceAll('a.pdf', 'r\u00e9sum\u00e9.pdf')), ['C-MIME10']],
    ['invalid characters in a base64 part', encodeRawData(single('base64', 'SGVsbG8*\r\n')), ['C-MIME10']],
    ['a base64 part of the wrong length', encodeRawData(single('base64', 'SGVsbG8\r\n')), ['C-MIME10']],
    ['data after base64 padding', encodeRawData(single('base64', 'SGk=\r\nSGk=\r\n')), ['C-MIME10']],
    ['a bad QP escape', encodeRawData(single('quoted-printable', 'caf=E9 and =ZZ\r\n')), ['C-MIME10']],
    ['an 8-bit octet in QP', encodeRawData(single('quoted-printable', 'caf\u00e9\r\n')), ['C-MIME10']],
    ['an encoded-word Subject', encodeRawData(buildRawMessage({ subject: '=?UTF-8?B?R3LDvMOfZQ==?=' })), []],
    [
      'a Q encoded-word Subject',
      encodeRawData(buildRawMessage({ subject: '=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=' })),
      [],
    ],
    ['line-wrapped base64 attachments', encodeRawData(nested), []],
    ['an upper-case encoding name', encodeRawData(single('BASE64', 'SGVsbG8h\r\n')), []],
    [
      'valid QP with soft breaks',
      encodeRawData(single('quoted-printable', 'caf=C3=A9 au lait, tr=\r\nes bien=20\r\n=\r\n')),
      [],
    ],
    ['a message without a final line ending', encodeRawData(buildRawMessage().slice(0, -2)), []],
    [
      'an 8-bit address header (C-MIME6 only)',
      encodeRawData(buildRawMessage({ to: ['user@b\u00fccher.de'] })),
      ['C-MIME6'],
    ],
  ])('%s', (_name, data, want) => {
    expect(rulesOf(data)).toEqual(want);
  });

  it('is SHOULD, reported once per message for line endings and at the part for bodies', () => {
    const lf = checkRawMessage(encodeRawData(buildRawMessage({ lineEnding: '\n' })), PATH).violations;
    expect(lf).toMatchObject([{ rule: 'C-MIME10', level: 'SHOULD', path: PATH }]);
    const bad = nested.replace(/\r\n--mixed-7f3a--/, '!\r\n--mixed-7f3a--');
    expect(checkRawMessage(encodeRawData(bad), PATH).violations).toMatchObject([
      { rule: 'C-MIME10', path: `${PATH}/part/2` },
    ]);
  });
});
