import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../base64.ts';
import { buildRawMessage, buildSendEmailBody, encodeRawData, SENDER } from './build-raw-message.ts';

describe('buildRawMessage', () => {
  it('is deterministic', () => {
    const options = { body: { kind: 'nested', attachments: [{ fileName: 'a.pdf', size: 1234 }] } } as const;
    expect(buildRawMessage(options)).toBe(buildRawMessage(options));
  });

  it('writes attachments of the requested size as 76-character base64 lines', () => {
    for (const size of [0, 1, 56, 57, 58, 1000]) {
      const mime = buildRawMessage({ body: { kind: 'mixed', attachments: [{ fileName: 'a.bin', size }] } });
      const body = /base64\r\n\r\n([A-Za-z0-9+/=\r\n]*?)\r\n--mixed-7f3a--/.exec(mime)?.[1] ?? '';
      const lines = body === '' ? [] : body.split('\r\n');
      expect(lines.every((line) => line.length <= 76)).toBe(true);
      expect(decodeBase64(lines.join('')).length).toBe(size);
    }
  });

  it('uses the requested line ending everywhere', () => {
    const mime = buildRawMessage({
      lineEnding: '\n',
      body: { kind: 'mixed', attachments: [{ fileName: 'a.bin', size: 500 }] },
    });
    expect(mime).not.toContain('\r');
    expect(mime.endsWith('--mixed-7f3a--\n')).toBe(true);
  });

  it('writes the standard headers and omits empty recipient lists', () => {
    const mime = buildRawMessage({ to: [], cc: ['c@example.com'], subject: 'S' });
    expect(
      mime.startsWith(`From: ${SENDER}\r\nCc: c@example.com\r\nSubject: S\r\nMIME-Version: 1.0\r\n`),
    ).toBe(true);
  });
});

describe('encodeRawData and buildSendEmailBody', () => {
  it('encode the MIME text as UTF-8 base64 in a SendEmail body', () => {
    const body = buildSendEmailBody('Subject: Gr\u00fc\u00dfe\r\n');
    expect(body.FromEmailAddress).toBe(SENDER);
    expect(new TextDecoder().decode(decodeBase64(body.Content.Raw.Data))).toBe(
      'Subject: Gr\u00fc\u00dfe\r\n',
    );
    expect(encodeRawData('abc')).toBe('YWJj');
  });
});
