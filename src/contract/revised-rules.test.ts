/**
 * The engine's results on the inputs of issue 13's "done when" list that are not address rules,
 * through the public entry points (checkSendEmail / checkSendBulkEmail), both levels of strictness.
 */
import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from './mime/build-raw-message.ts';
import { checkSendBulkEmail } from './validate-send-bulk-email.ts';
import { checkSendEmail } from './validate-send-email.ts';
import type { Violation } from './violation.ts';

const ids = (found: readonly Violation[]) => [...new Set(found.map((v) => v.rule))].sort();
const simple = (extra: Record<string, unknown> = {}) => ({
  FromEmailAddress: 's@example.com',
  Destination: { ToAddresses: ['alice@example.com'] },
  Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
  ...extra,
});
const raw = (mime: string, extra: Record<string, unknown> = {}) => ({
  FromEmailAddress: 's@example.com',
  Content: { Raw: { Data: encodeRawData(mime) } },
  ...extra,
});
const addresses = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);

describe('issue 13: results of the revised non-address rules', () => {
  it('an inline bulk template whose Html holds {{#if name}}Hi{{/if}} breaks C-CONT13', () => {
    const body = {
      FromEmailAddress: 's@example.com',
      DefaultContent: {
        Template: {
          TemplateContent: { Subject: 'Hello', Html: '{{#if name}}Hi{{/if}}' },
          TemplateData: '{"name":"x"}',
        },
      },
      BulkEmailEntries: [{ Destination: { ToAddresses: ['a@example.com'] } }],
    };
    for (const strict of [false, true]) {
      const result = checkSendBulkEmail(body, { strict });
      expect(result.violations).toMatchObject([
        { rule: 'C-CONT13', level: 'MUST', path: '/DefaultContent/Template/TemplateContent/Html' },
      ]);
    }
  });

  it('the same block helper in SendEmail Content.Template breaks C-CONT13', () => {
    const body = {
      FromEmailAddress: 's@example.com',
      Destination: { ToAddresses: ['a@example.com'] },
      Content: {
        Template: { TemplateContent: { Subject: 'Hi', Html: '{{#if name}}Hi{{/if}}' }, TemplateData: '{}' },
      },
    };
    expect(ids(checkSendEmail(body).violations)).toEqual(['C-CONT13']);
  });

  it('raw Content-Type "text; charset=UTF-8" is valid by default and C-MIME11 with strict', () => {
    const mime = buildRawMessage().replace(
      'Content-Type: text/plain; charset=us-ascii',
      'Content-Type: text; charset=UTF-8',
    );
    expect(checkSendEmail(raw(mime)).violations).toEqual([]);
    expect(checkSendEmail(raw(mime), { strict: true }).violations).toMatchObject([
      { rule: 'C-MIME11', level: 'SHOULD', path: '/Content/Raw/Data/header/Content-Type' },
    ]);
  });

  it('raw MIME without Destination whose To and Cc headers hold 26 and 25 addresses breaks C-DEST1', () => {
    const mime = buildRawMessage({ to: addresses('t', 26), cc: addresses('c', 25) });
    const found = checkSendEmail(raw(mime)).violations;
    expect(found).toMatchObject([{ rule: 'C-DEST1', path: '/Content/Raw/Data' }]);
    expect(found[0]?.message).toContain('51 recipients (To 26, Cc 25)');
  });

  it.each([
    ['one To header with 51', { to: addresses('t', 51) }, ['C-DEST1']],
    ['To 1 + Bcc 50', { to: ['a@example.com'], bcc: addresses('b', 50) }, ['C-DEST1']],
    ['To 1 + Bcc 49', { to: ['a@example.com'], bcc: addresses('b', 49) }, []],
    [
      'To 20 + Cc 20 + Bcc 10 = 50',
      { to: addresses('t', 20), cc: addresses('c', 20), bcc: addresses('b', 10) },
      [],
    ],
    ['no To, Cc or Bcc', { to: [] }, ['C-DEST2']],
  ])('raw headers, without Destination: %s', (_name, options, want) => {
    expect(ids(checkSendEmail(raw(buildRawMessage(options))).violations)).toEqual(want);
  });

  it('raw headers count together across repeated To headers', () => {
    const mime = buildRawMessage({
      to: addresses('t', 30),
      headers: [`To: ${addresses('u', 21).join(', ')}`],
    });
    expect(checkSendEmail(raw(mime)).violations[0]?.message).toContain('51 recipients (To 51)');
  });

  it('with a Destination, the Destination names the recipients and the headers are not counted', () => {
    const mime = buildRawMessage({ to: addresses('t', 60) });
    expect(checkSendEmail(raw(mime, { Destination: { ToAddresses: ['a@example.com'] } })).violations).toEqual(
      [],
    );
  });

  it('a Simple SendEmail without FromEmailAddress breaks C-REQ4', () => {
    const { FromEmailAddress: _, ...body } = simple();
    expect(checkSendEmail(body).violations).toMatchObject([{ rule: 'C-REQ4', path: '/Content/Simple' }]);
    expect(checkSendEmail(body).violations[0]?.message).toContain('needs a FromEmailAddress');
  });

  it('a raw SendEmail without FromEmailAddress but with a From header is valid', () => {
    const { FromEmailAddress: _, ...body } = raw(buildRawMessage());
    expect(checkSendEmail(body, { strict: true })).toEqual({ violations: [], advice: [] });
  });

  it('a bulk send without FromEmailAddress breaks C-REQ4', () => {
    const body = {
      DefaultContent: { Template: { TemplateName: 'welcome' } },
      BulkEmailEntries: [{ Destination: { ToAddresses: ['a@example.com'] } }],
    };
    expect(ids(checkSendBulkEmail(body).violations)).toEqual(['C-REQ4']);
  });

  it('EmailTags [{"Name":"ses:feedback-id-a","Value":"c-42"}] is valid', () => {
    const body = simple({ EmailTags: [{ Name: 'ses:feedback-id-a', Value: 'c-42' }] });
    expect(checkSendEmail(body, { strict: true })).toEqual({ violations: [], advice: [] });
  });

  it('Headers [{"Name":"Reply-To","Value":"x@example.com"}] breaks C-CONT4', () => {
    const body = simple();
    (body.Content.Simple as Record<string, unknown>).Headers = [{ Name: 'Reply-To', Value: 'x@example.com' }];
    expect(checkSendEmail(body).violations).toMatchObject([
      { rule: 'C-CONT4', clause: 'reserved-name', path: '/Content/Simple/Headers/0/Name' },
    ]);
  });

  it('a reserved name in a bulk entry’s ReplacementHeaders is C-BULK4, caused by C-CONT4', () => {
    const body = {
      FromEmailAddress: 's@example.com',
      DefaultContent: { Template: { TemplateName: 'welcome' } },
      BulkEmailEntries: [
        {
          Destination: { ToAddresses: ['a@example.com'] },
          ReplacementHeaders: [{ Name: 'subject', Value: 'x' }],
        },
      ],
    };
    expect(checkSendBulkEmail(body).violations).toMatchObject([
      { rule: 'C-BULK4', cause: 'C-CONT4', causeClause: 'reserved-name' },
    ]);
  });

  it('a bad tag in a bulk entry is C-BULK4 (caused by C-CONT8); in DefaultEmailTags it is C-CONT8', () => {
    const body = {
      FromEmailAddress: 's@example.com',
      DefaultEmailTags: [{ Name: 'kind', Value: '' }],
      DefaultContent: { Template: { TemplateName: 'welcome' } },
      BulkEmailEntries: [
        { Destination: { ToAddresses: ['a@example.com'] }, ReplacementTags: [{ Name: 'a b', Value: 'v' }] },
      ],
    };
    expect(checkSendBulkEmail(body).violations).toMatchObject([
      { rule: 'C-CONT8', clause: 'empty', path: '/DefaultEmailTags/0/Value' },
      {
        rule: 'C-BULK4',
        cause: 'C-CONT8',
        causeClause: 'characters',
        path: '/BulkEmailEntries/0/ReplacementTags/0/Name',
      },
    ]);
  });

  it('raw MIME with a 999-octet line is valid, with C-MIME3 advice', () => {
    const mime = buildRawMessage({ body: { kind: 'text', text: 'a'.repeat(999) } });
    for (const strict of [false, true]) {
      const result = checkSendEmail(raw(mime), { strict });
      expect(result.violations).toEqual([]);
      expect(result.advice).toMatchObject([{ rule: 'C-MIME3', level: 'ADVISE' }]);
    }
  });

  it('an inline template variable without a value is valid, with C-CONT14 advice naming the bulk entry', () => {
    const body = {
      FromEmailAddress: 's@example.com',
      DefaultContent: {
        Template: { TemplateContent: { Subject: 'Hi {{name}}' }, TemplateData: '{"name":"x"}' },
      },
      BulkEmailEntries: [
        { Destination: { ToAddresses: ['a@example.com'] } },
        {
          Destination: { ToAddresses: ['b@example.com'] },
          ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '{"name":null}' } },
        },
      ],
    };
    const result = checkSendBulkEmail(body, { strict: true });
    expect(result.violations).toEqual([]);
    expect(result.advice).toMatchObject([
      { rule: 'C-CONT14', path: '/DefaultContent/Template/TemplateContent/Subject' },
    ]);
    expect(result.advice[0]?.message).toContain('entry 2');
  });

  it('C-CONT9: an empty ARN is a MUST violation, a malformed one a SHOULD', () => {
    const empty = simple({ FromEmailAddressIdentityArn: '' });
    expect(checkSendEmail(empty).violations).toMatchObject([
      { rule: 'C-CONT9', clause: 'empty', level: 'MUST' },
    ]);
    const malformed = simple({ FromEmailAddressIdentityArn: 'arn:aws:s3:::bucket' });
    expect(checkSendEmail(malformed).violations).toEqual([]);
    expect(checkSendEmail(malformed, { strict: true }).violations).toMatchObject([
      { rule: 'C-CONT9', clause: 'format', level: 'SHOULD' },
    ]);
  });

  it('C-CONT10 is SHOULD; an empty name (OPEN) is accepted', () => {
    const bad = simple({ ConfigurationSetName: 'my set' });
    expect(checkSendEmail(bad).violations).toEqual([]);
    expect(checkSendEmail(bad, { strict: true }).violations).toMatchObject([
      { rule: 'C-CONT10', clause: 'format', level: 'SHOULD' },
    ]);
    expect(checkSendEmail(simple({ ConfigurationSetName: '' }), { strict: true }).violations).toEqual([]);
  });

  it('C-CONT6: no template source is MUST (some-source), two sources SHOULD (single-source)', () => {
    const template = (t: object) => ({ ...simple(), Content: { Template: t } });
    expect(checkSendEmail(template({ TemplateData: '{}' })).violations).toMatchObject([
      { rule: 'C-CONT6', clause: 'some-source', level: 'MUST' },
    ]);
    const two = template({ TemplateName: 'a', TemplateArn: 'arn:aws:ses:us-east-1:123456789012:template/a' });
    expect(checkSendEmail(two).violations).toEqual([]);
    expect(checkSendEmail(two, { strict: true }).violations).toMatchObject([
      { rule: 'C-CONT6', clause: 'single-source', level: 'SHOULD' },
    ]);
  });

  it('C-CONT4: a header value of 871–995 characters (OPEN) is accepted; 996 is invalid', () => {
    const withValue = (n: number) => {
      const body = simple();
      (body.Content.Simple as Record<string, unknown>).Headers = [{ Name: 'X-A', Value: 'v'.repeat(n) }];
      return body;
    };
    expect(checkSendEmail(withValue(995), { strict: true }).violations).toEqual([]);
    expect(checkSendEmail(withValue(996)).violations).toMatchObject([{ rule: 'C-CONT4', clause: 'value' }]);
  });
});
