import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_LEVELS } from '../rule-catalog.ts';
import { buildRawMessage, encodeRawData, type RawMessageOptions } from './build-raw-message.ts';
import { checkRawMessage } from './check-raw-message.ts';

const PATH = '/Content/Raw/Data';
const pdf = { fileName: 'report.pdf', size: 5000, contentType: 'application/pdf' };

describe('checkRawMessage', () => {
  it.each<[string, RawMessageOptions]>([
    ['single text part', {}],
    ['multipart/alternative', { body: { kind: 'alternative' } }],
    [
      'multipart/mixed with attachments',
      { body: { kind: 'mixed', attachments: [pdf, { fileName: 'b.png', size: 1 }] } },
    ],
    ['nested multiparts', { body: { kind: 'nested', attachments: [pdf] } }],
    [
      'folded headers and encoded words',
      {
        to: ['=?UTF-8?B?SsO2cmc=?= <j@example.com>,\r\n k@example.com'],
        subject: '=?ISO-8859-1?Q?Gr=FC=DFe?=',
      },
    ],
    ['IDN recipients', { to: ['a@xn--bcher-kva.de'], cc: ['b@xn--fiqs8s.xn--fiqz9s'] }],
  ])('accepts a well-formed message: %s', (_name, options) => {
    expect(checkRawMessage(encodeRawData(buildRawMessage(options)), PATH).violations).toEqual([]);
  });

  it('lists the To, Cc and Bcc addresses as recipients, group members included', () => {
    const mime = buildRawMessage({
      to: ['a@example.com', '"B, Jr." <b@example.com>'],
      cc: ['team: c@example.com, d@example.com;'],
      bcc: ['e@example.com'],
      headers: ['Reply-To: not-a-recipient@example.com'],
    });
    expect(checkRawMessage(encodeRawData(mime), PATH).recipients).toEqual([
      'a@example.com',
      '"B, Jr." <b@example.com>',
      'c@example.com',
      'd@example.com',
      'e@example.com',
    ]);
  });

  it('reads recipients only from the message header section, not from parts', () => {
    const mime = buildRawMessage({ body: { kind: 'alternative' } }).replace(
      'Content-Type: text/html; charset=us-ascii\r\n',
      'Content-Type: text/html; charset=us-ascii\r\nTo: hidden@example.com\r\n',
    );
    expect(checkRawMessage(encodeRawData(mime), PATH).recipients).toEqual(['recipient@example.com']);
  });

  it('gives an empty recipient list when the headers name none, and none when Data is unreadable', () => {
    expect(checkRawMessage(encodeRawData(buildRawMessage({ to: [] })), PATH).recipients).toEqual([]);
    expect(checkRawMessage('%%%', PATH).recipients).toBeUndefined();
  });

  it('sets each violation level from the rule catalog and keeps paths under Data', () => {
    const mime = `To: a@b\u00fccher.de\r\nSubject: x\r\nSubject: y\r\n\r\n${'z'.repeat(1000)}\n`;
    const violations = checkRawMessage(encodeRawData(mime), PATH).violations;
    expect(new Set(violations.map((v) => v.rule))).toEqual(
      new Set(['C-MIME3', 'C-MIME4', 'C-MIME5', 'C-MIME6', 'C-MIME10']),
    );
    for (const v of violations) {
      expect(v.level).toBe(RULE_LEVELS[v.rule]);
      expect(v.path.startsWith(PATH)).toBe(true);
    }
  });

  describe('never throws', () => {
    const fragments = fc.constantFrom(
      'From: sender@example.com',
      'To: a@example.com, "x, y" <b@example.com>',
      'Subject: =?UTF-8?B?w6k=?=',
      'Content-Type: multipart/mixed; boundary=b',
      'Content-Type: multipart/alternative; boundary="b"',
      'Content-Type: multipart/mixed; boundary=c',
      "Content-Type: text/plain; name*0*=UTF-8''x%2E; name*1=exe",
      'Content-Disposition: attachment; filename="a.exe"',
      'Content-Transfer-Encoding: base64',
      'Content-Transfer-Encoding: quoted-printable',
      '--b',
      '--b--',
      '--c',
      '--c--',
      '',
      ' folded',
      'SGVsbG8=',
      '=ZZ=',
      'x'.repeat(1000),
      'b\u00fccher',
      '\r',
      ':',
    );
    const mimeText = fc
      .tuple(fc.array(fragments, { maxLength: 40 }), fc.constantFrom('\r\n', '\n', '\r'))
      .map(([lines, eol]) => lines.join(eol));

    it('on MIME-like text built from tricky fragments', () => {
      fc.assert(
        fc.property(mimeText, (text) => {
          const report = checkRawMessage(encodeRawData(text), PATH);
          expect(Array.isArray(report.violations)).toBe(true);
          expect(report.recipients).toBeDefined();
        }),
        { seed: 42, numRuns: 500 },
      );
    });

    it('on the base64 of arbitrary octets', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 4000 }), (octets) => {
          let binary = '';
          for (const octet of octets) binary += String.fromCharCode(octet);
          const report = checkRawMessage(btoa(binary), PATH);
          expect(report.recipients).toBeDefined();
          expect(report.violations.every((v) => v.rule.startsWith('C-'))).toBe(true);
        }),
        { seed: 42, numRuns: 300 },
      );
    });

    it('on arbitrary strings as Data', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (data) => {
          const report = checkRawMessage(data, PATH);
          expect(Array.isArray(report.violations)).toBe(true);
        }),
        { seed: 42, numRuns: 500 },
      );
    });

    it('on the base64 of arbitrary strings', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
          expect(checkRawMessage(encodeRawData(text), PATH).recipients).toBeDefined();
        }),
        { seed: 42, numRuns: 300 },
      );
    });
  });
});
