import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';

const PATH = '/Content/Raw/Data';
const HEAD = 'From: sender@example.com\r\nTo: recipient@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n';

/** A message with one attachment part carrying the given headers. */
function withPart(headers: string[]): string {
  return [
    HEAD.trimEnd(),
    'Content-Type: multipart/mixed; boundary=b1',
    '',
    '--b1',
    'Content-Type: text/plain',
    '',
    'See attached.',
    '--b1',
    ...headers,
    'Content-Transfer-Encoding: base64',
    '',
    'AAEC',
    '--b1--',
    '',
  ].join('\r\n');
}

describe('C-MIME8 blocked attachment extensions', () => {
  it.each([
    [
      'an .exe attachment',
      buildRawMessage({ body: { kind: 'mixed', attachments: [{ fileName: 'setup.exe', size: 10 }] } }),
      true,
    ],
    [
      'an .EXE attachment',
      withPart([
        'Content-Type: application/octet-stream',
        'Content-Disposition: attachment; filename="SETUP.EXE"',
      ]),
      true,
    ],
    ['an unquoted filename', withPart(['Content-Disposition: attachment; filename=run.bat']), true],
    ['an RFC 2231 filename', withPart(["Content-Disposition: attachment; filename*=UTF-8''x.exe"]), true],
    [
      'an RFC 2231 percent-encoded filename',
      withPart(["Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.%65xe"]),
      true,
    ],
    [
      'RFC 2231 continuations',
      withPart(['Content-Disposition: attachment;', ' filename*0="mal";', ' filename*1=".vbs"']),
      true,
    ],
    [
      'a blocked RFC 2231 name behind a harmless plain one',
      withPart(['Content-Disposition: attachment; filename="a.pdf"; filename*=UTF-8\'\'a.js']),
      true,
    ],
    ['a Content-Type name', withPart(['Content-Type: application/octet-stream; name="tool.msi"']), true],
    [
      'an RFC 2231 Content-Type name',
      withPart(["Content-Type: application/octet-stream; name*=''tool.scr"]),
      true,
    ],
    [
      'an encoded-word filename',
      withPart(['Content-Disposition: attachment; filename="=?UTF-8?B?aW52b2ljZS5leGU=?="']),
      true,
    ],
    ['an inline part', withPart(['Content-Disposition: inline; filename="x.cmd"']), true],
    [
      'a single-part message with a name',
      `${HEAD}Content-Type: application/octet-stream; name="a.ps1"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n`,
      true,
    ],
    [
      'a PDF',
      withPart([
        'Content-Type: application/pdf; name="report.pdf"',
        'Content-Disposition: attachment; filename="report.pdf"',
      ]),
      false,
    ],
    [
      'exe in the middle of the name',
      withPart(['Content-Disposition: attachment; filename="notes.exe.txt"']),
      false,
    ],
    ['an extension-less name', withPart(['Content-Disposition: attachment; filename="exe"']), false],
  ])('%s', (_name, mime, blocked) => {
    const violations = checkRawMessage(encodeRawData(mime), PATH).violations;
    expect(violations.map((v) => v.rule)).toEqual(blocked ? ['C-MIME8'] : []);
  });

  it('reports one violation per part, at the part', () => {
    const mime = withPart([
      'Content-Type: application/octet-stream; name="a.exe"',
      'Content-Disposition: attachment; filename="a.exe"',
    ]);
    const violations = checkRawMessage(encodeRawData(mime), PATH).violations;
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule: 'C-MIME8', path: `${PATH}/part/2` });
    expect(violations[0]?.message).toContain('.exe');
  });
});
