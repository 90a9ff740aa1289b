/**
 * Address checks as whole requests see them: advice (C-ADDR8) comes back apart from violations
 * and never makes a request invalid; SHOULD clauses count only under `strict`; bulk entries and raw
 * headers report MUST-level address defects only under their own rule (C-BULK3, C-MIME4, C-MIME6), with the address rule
 * and clause as the cause.
 */
import { describe, expect, it } from 'vitest';
import { encodeRawData } from '../mime/build-raw-message.ts';
import { checkSendBulkEmail } from '../validate-send-bulk-email.ts';
import { checkSendEmail, validateSendEmail } from '../validate-send-email.ts';
import type { Violation } from '../violation.ts';

const simple = { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } };
const shown = (v: Violation) =>
  `${v.rule}.${v.clause}/${v.level} ${v.path}${v.cause ? ` <- ${v.cause}.${v.causeClause}` : ''}`;

function bulk(to: string) {
  return {
    FromEmailAddress: 'sender@example.com',
    DefaultContent: { Template: { TemplateContent: { Subject: 'Hi', Text: 'Hello' }, TemplateData: '{}' } },
    BulkEmailEntries: [
      { Destination: { ToAddresses: ['alice@example.com'] } },
      { Destination: { ToAddresses: [to] } },
    ],
  };
}

describe('address checks in requests', () => {
  it('issue 13: a raw non-ASCII display name in ToAddresses is valid, with one C-ADDR8 advice', () => {
    const body = {
      FromEmailAddress: 's@example.com',
      Destination: { ToAddresses: ['Zoë <alice@example.org>'] },
      Content: simple,
    };
    for (const strict of [false, true]) {
      const result = checkSendEmail(body, { strict });
      expect(result.violations).toEqual([]);
      expect(result.advice.map(shown)).toEqual(['C-ADDR8.encoded-words/ADVISE /Destination/ToAddresses/0']);
      expect(result.advice[0]?.message).toContain(
        "write it as RFC 2047 encoded-words, e.g. '=?UTF-8?B?Wm/Dqw==?='",
      );
      expect(validateSendEmail(body, { strict })).toEqual([]);
    }
  });

  it('keeps SHOULD clauses for strict runs: a CR LF after an address, an all-digit TLD', () => {
    const body = {
      FromEmailAddress: 'sender@example.com',
      Destination: { ToAddresses: ['alice@example.com\r\n'], CcAddresses: ['bob@example.123'] },
      Content: simple,
    };
    expect(checkSendEmail(body).violations).toEqual([]);
    expect([...new Set(checkSendEmail(body, { strict: true }).violations.map(shown))]).toEqual([
      'C-ADDR1.control/SHOULD /Destination/ToAddresses/0',
      'C-ADDR5.label-shape/SHOULD /Destination/CcAddresses/0',
    ]);
  });

  it('reports a MUST address defect in a bulk entry under C-BULK3, and leaves SHOULD and ADVISE ones alone', () => {
    expect(checkSendBulkEmail(bulk('bob@localhost')).violations.map(shown)).toEqual([
      'C-BULK3.main/MUST /BulkEmailEntries/1/Destination/ToAddresses/0 <- C-ADDR5.labels',
    ]);
    expect(checkSendBulkEmail(bulk('bob@-example.com'), { strict: true }).violations.map(shown)).toEqual([
      'C-ADDR5.label-shape/SHOULD /BulkEmailEntries/1/Destination/ToAddresses/0',
    ]);
    const advised = checkSendBulkEmail(bulk('Zoë <bob@example.com>'), { strict: true });
    expect(advised.violations).toEqual([]);
    expect(advised.advice.map(shown)).toEqual([
      'C-ADDR8.encoded-words/ADVISE /BulkEmailEntries/1/Destination/ToAddresses/0',
    ]);
  });

  it('accepts a raw To header with a raw UTF-8 display name, with C-ADDR8 advice (C-MIME6 OPEN)', () => {
    const mime = [
      'From: sender@example.com',
      'To: Zoë <alice@example.org>',
      'Subject: Hi',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Hello',
      '',
    ].join('\r\n');
    const result = checkSendEmail({ Content: { Raw: { Data: encodeRawData(mime) } } }, { strict: true });
    expect(result.violations).toEqual([]);
    expect(result.advice.map(shown)).toEqual(['C-ADDR8.encoded-words/ADVISE /Content/Raw/Data/header/To/0']);
  });
});
