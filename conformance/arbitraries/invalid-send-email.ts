/**
 * Invalid SendEmail cases: every (rule, clause, place) cell of the rule registry that a SendEmail
 * body can break, each made by mapping valid bodies so shrinking keeps the defect. Each case breaks
 * exactly its clause, by the engine's result (`generated-cases.test.ts`). `invalidSendEmailCases`
 * groups the MUST cells into one class per rule; `should-cases.ts` does the same for SHOULD.
 */
import fc from 'fast-check';
import type { Place, RuleId } from '../../src/contract/rule-registry.ts';
import type { InvalidCase } from '../case.ts';
import { addressCells } from './address-cells.ts';
import { invalidAttachmentsByClause } from './attachments.ts';
import { invalidHeadersByClause } from './custom-headers.ts';
import { noRecipients, tooManyRecipients, validDestination } from './destination.ts';
import { catalogOf, cell, type InvalidCatalog, type InvalidCell } from './invalid-cell.ts';
import { invalidTagByClause } from './message-tags.ts';
import { oversizedRawData } from './oversized-raw-data.ts';
import {
  invalidRawMessages,
  malformedContentTypeMessages,
  numberedHeaderRecipients,
  rawData,
  serialiseMessage,
  validRawMessage,
  withHeaderRecipients,
} from './raw-message.ts';
import { type SendEmailBody, validSendEmail } from './send-email.ts';
import { incompleteSimpleMessage, subjectWithLineBreak, validSimpleMessage } from './simple-message.ts';
import {
  invalidTemplateDataByClause,
  sourcelessTemplate,
  twoSourceTemplate,
  unsupportedOperationTemplate,
  validTemplate,
} from './template.ts';
import { malformedJsonCases, wrongTypeCases } from './wrong-types.ts';

export type { InvalidCatalog };

const E = (pattern: string) => `send-email ${pattern}` as Place;

function cases(
  rule: RuleId,
  bodies: fc.Arbitrary<unknown>,
  reportedAs: RuleId[] = [rule],
): fc.Arbitrary<InvalidCase> {
  return bodies.map((body) => ({ operation: 'send-email' as const, body, breaks: rule, reportedAs }));
}

/** Valid bodies whose content is Simple or Template, for defects that need a Destination. */
function withDestinationContent(valid: fc.Arbitrary<SendEmailBody>): fc.Arbitrary<SendEmailBody> {
  return fc
    .tuple(
      valid,
      fc.oneof(
        { withCrossShrink: true },
        validSimpleMessage.map((Simple) => ({ Simple })),
        validTemplate.map((Template) => ({ Template })),
      ),
    )
    .map(([body, Content]) => ({ ...body, Content }));
}

function withRaw(
  valid: fc.Arbitrary<SendEmailBody>,
  messages: fc.Arbitrary<string>,
): fc.Arbitrary<SendEmailBody> {
  return fc
    .tuple(valid, messages)
    .map(([body, message]) => ({ ...body, Content: { Raw: { Data: rawData(message) } } }));
}

/** A raw message with no Destination: its To/Cc/Bcc headers are the recipients. */
function headersOnly(body: SendEmailBody, message: string): SendEmailBody {
  const { Destination: _, ...rest } = body;
  return { ...rest, Content: { Raw: { Data: rawData(message) } } };
}

const ARN_FIELDS = ['FromEmailAddressIdentityArn', 'FeedbackForwardingEmailAddressIdentityArn'] as const;
const NAME_FIELDS = ['ConfigurationSetName', 'TenantName'] as const;

/** C-CONT9 SHOULD: ARNs that are not of the identity form. */
export const MALFORMED_ARNS = [
  'arn:aws:ses:us-east-1:1234:identity/example.com',
  'arn:aws:s3:::bucket',
  'example.com',
  'arn:aws:ses:us-east-1:123456789012:template/x',
] as const;
/** C-CONT10 SHOULD: names outside 1–64 letters, digits, `-`, `_` (the empty name is OPEN). */
export const MALFORMED_NAMES = ['has space', 'dot.name', 'x'.repeat(65), 'ünï'] as const;

export function sendEmailCells(from: string): InvalidCell[] {
  // Always a Destination: a defect put into Simple or Template content must not lose the recipients
  // a raw message kept in its headers (that would break C-DEST2 as well).
  const valid = fc
    .tuple(validSendEmail(from), validDestination)
    .map(([b, destination]) => ({ ...b, Destination: b.Destination ?? destination }));
  const onlyContent = withDestinationContent(valid);
  const raw = invalidRawMessages(from);
  const simpleWith = (change: fc.Arbitrary<object>) =>
    fc
      .tuple(valid, validSimpleMessage, change)
      .map(([b, Simple, c]) => ({ ...b, Content: { Simple: { ...Simple, ...c } } }));
  const templateWith = (change: fc.Arbitrary<object>) =>
    fc
      .tuple(valid, validTemplate, change)
      .map(([b, Template, c]) => ({ ...b, Content: { Template: { ...Template, ...c } } }));
  const cells: InvalidCell[] = [
    ...addressCells('send-email', from),
    cell(
      'C-DEST1',
      E('/Destination'),
      cases(
        'C-DEST1',
        fc.tuple(onlyContent, tooManyRecipients).map(([b, Destination]) => ({ ...b, Destination })),
      ),
    ),
    cell(
      'C-DEST1',
      E('/Content/Raw/Data'),
      cases(
        'C-DEST1',
        fc
          .tuple(valid, validRawMessage(from), numberedHeaderRecipients(51, 60))
          .map(([b, spec, recipients]) =>
            headersOnly(b, serialiseMessage(withHeaderRecipients(spec, recipients))),
          ),
      ),
    ),
    cell(
      'C-DEST2',
      E('/Destination'),
      cases(
        'C-DEST2',
        fc
          .tuple(onlyContent, noRecipients)
          .map(([{ Destination: _, ...rest }, Destination]) =>
            Destination === undefined ? rest : { ...rest, Destination },
          ),
      ),
    ),
    cell(
      'C-DEST2',
      E('/Content/Raw/Data'),
      cases(
        'C-DEST2',
        fc
          .tuple(valid, validRawMessage(from))
          .map(([b, spec]) => headersOnly(b, serialiseMessage(withHeaderRecipients(spec, [])))),
      ),
    ),
    cell(
      'C-CONT1',
      E('/Content'),
      cases(
        'C-CONT1',
        fc
          // `both` shrinks to false: the shrunk case is the empty Content, the plainer of the two.
          .tuple(valid, validSimpleMessage, validTemplate, fc.boolean())
          .map(([b, Simple, Template, both]) => ({ ...b, Content: both ? { Simple, Template } : {} })),
      ),
    ),
    cell(
      'C-CONT2',
      E('/Content/Simple'),
      cases(
        'C-CONT2',
        fc.tuple(valid, incompleteSimpleMessage).map(([b, Simple]) => ({ ...b, Content: { Simple } })),
      ),
    ),
    cell(
      'C-CONT3',
      E('/Content/Simple/Subject'),
      cases(
        'C-CONT3',
        fc.tuple(valid, subjectWithLineBreak).map(([b, Simple]) => ({ ...b, Content: { Simple } })),
      ),
    ),
    ...Object.entries(invalidHeadersByClause).flatMap(([clause, headers]) => [
      cell(
        `C-CONT4.${clause}`,
        E('/Content/Simple/Headers'),
        cases('C-CONT4', simpleWith(headers.map((Headers) => ({ Headers })))),
      ),
      cell(
        `C-CONT4.${clause}`,
        E('/Content/Template/Headers'),
        cases('C-CONT4', templateWith(headers.map((Headers) => ({ Headers })))),
      ),
    ]),
    ...Object.entries(invalidAttachmentsByClause).flatMap(([clause, attachments]) => [
      cell(
        `C-CONT5.${clause}`,
        E('/Content/Simple/Attachments'),
        cases('C-CONT5', simpleWith(attachments.map((Attachments) => ({ Attachments })))),
      ),
      cell(
        `C-CONT5.${clause}`,
        E('/Content/Template/Attachments'),
        cases('C-CONT5', templateWith(attachments.map((Attachments) => ({ Attachments })))),
      ),
    ]),
    cell(
      'C-CONT6.some-source',
      E('/Content/Template'),
      cases(
        'C-CONT6',
        fc.tuple(valid, sourcelessTemplate).map(([b, Template]) => ({ ...b, Content: { Template } })),
      ),
    ),
    cell(
      'C-CONT6.single-source',
      E('/Content/Template'),
      cases(
        'C-CONT6',
        fc.tuple(valid, twoSourceTemplate).map(([b, Template]) => ({ ...b, Content: { Template } })),
      ),
    ),
    ...Object.entries(invalidTemplateDataByClause).map(([clause, data]) =>
      cell(
        `C-CONT7.${clause}`,
        E('/Content/Template/TemplateData'),
        cases('C-CONT7', templateWith(data.map((TemplateData) => ({ TemplateData })))),
      ),
    ),
    ...Object.entries(invalidTagByClause).map(([clause, tag]) =>
      cell(
        `C-CONT8.${clause}`,
        E('/EmailTags'),
        cases(
          'C-CONT8',
          fc.tuple(valid, tag, fc.nat()).map(([b, t, pick]) => {
            const tags = (b.EmailTags ?? []).filter((x) => x.Name !== t.Name);
            tags.splice(pick % (tags.length + 1), 0, t);
            return { ...b, EmailTags: tags };
          }),
        ),
      ),
    ),
    ...ARN_FIELDS.flatMap((field) => [
      cell(
        'C-CONT9.empty',
        E(`/${field}`),
        cases(
          'C-CONT9',
          valid.map((b) => ({ ...b, [field]: '' })),
        ),
      ),
      cell(
        'C-CONT9.format',
        E(`/${field}`),
        cases(
          'C-CONT9',
          fc.tuple(valid, fc.constantFrom(...MALFORMED_ARNS)).map(([b, arn]) => ({ ...b, [field]: arn })),
        ),
      ),
    ]),
    ...NAME_FIELDS.map((field) =>
      cell(
        'C-CONT10.format',
        E(`/${field}`),
        cases(
          'C-CONT10',
          fc.tuple(valid, fc.constantFrom(...MALFORMED_NAMES)).map(([b, name]) => ({ ...b, [field]: name })),
        ),
      ),
    ),
    cell(
      'C-CONT11',
      E('/ListManagementOptions'),
      cases(
        'C-CONT11',
        valid.map((b) => ({ ...b, ListManagementOptions: { TopicName: 'news' } })),
      ),
    ),
    cell(
      'C-CONT13.simple-substitution',
      E('/Content/Template/TemplateContent'),
      cases(
        'C-CONT13',
        fc
          .tuple(onlyContent, unsupportedOperationTemplate)
          .map(([b, Template]) => ({ ...b, Content: { Template } })),
      ),
    ),
    cell(
      'C-MIME1',
      E('/Content/Raw/Data'),
      cases(
        'C-MIME1',
        fc
          .tuple(valid, validRawMessage(from), fc.constantFrom('*', '!', '=', ' ', '-', '_'), fc.nat())
          .map(([b, spec, bad, at]) => {
            const data = rawData(serialiseMessage(spec));
            const i = at % data.length;
            return { ...b, Content: { Raw: { Data: `${data.slice(0, i)}${bad}${data.slice(i)}` } } };
          }),
      ),
    ),
    cell('C-MIME2', E('/Content/Raw/Data'), cases('C-MIME2', withRaw(valid, raw['C-MIME2']))),
    cell('C-MIME4.present', E('/Content/Raw/Data'), cases('C-MIME4', withRaw(valid, raw['C-MIME4.present']))),
    cell(
      'C-MIME4.sender',
      E('/Content/Raw/Data/header/From'),
      cases('C-MIME4', withRaw(valid, raw['C-MIME4.sender'])),
    ),
    cell('C-MIME5', E('/Content/Raw/Data'), cases('C-MIME5', withRaw(valid, raw['C-MIME5']))),
    cell('C-MIME7', E('/Content/Raw/Data'), cases('C-MIME7', withRaw(valid, raw['C-MIME7']))),
    cell('C-MIME8', E('/Content/Raw/Data'), cases('C-MIME8', withRaw(valid, raw['C-MIME8']))),
    cell(
      'C-MIME9',
      E('/Content/Raw/Data'),
      cases(
        'C-MIME9',
        valid.map((b) => ({ ...b, Content: { Raw: { Data: oversizedRawData(from) } } })),
      ),
    ),
    cell(
      'C-MIME10',
      E('/Content/Raw/Data'),
      cases(
        'C-MIME10',
        fc
          .tuple(valid, validRawMessage(from), fc.constantFrom('bare-lf', 'subject-8bit'))
          .map(([b, spec, defect]) => {
            const message =
              defect === 'bare-lf'
                ? serialiseMessage(spec).replaceAll('\r\n', '\n')
                : serialiseMessage({
                    ...spec,
                    headers: spec.headers.map(([n, v]) => [n, n === 'Subject' ? 'Grüße' : v]),
                  });
            return { ...b, Content: { Raw: { Data: rawData(message) } } };
          }),
      ),
    ),
    cell(
      'C-MIME11',
      E('/Content/Raw/Data'),
      cases('C-MIME11', withRaw(valid, malformedContentTypeMessages(from))),
    ),
    cell('C-REQ1', E('/'), malformedJsonCases('send-email', from)),
    cell('C-REQ2.types', E('/'), wrongTypeCases('send-email', from)),
    cell(
      'C-REQ2.media-type',
      E('/'),
      fc
        .tuple(cases('C-REQ2', valid), fc.constantFrom('text/plain', 'application/xml'))
        .map(([c, contentType]) => ({ ...c, contentType })),
    ),
    cell(
      'C-REQ3',
      E('/'),
      cases(
        'C-REQ3',
        fc
          .tuple(valid, fc.constantFrom('ToAdresses', 'Subject', 'fromEmailAddress'))
          .map(([b, typo]) => ({ ...b, [typo]: 'x' })),
      ),
    ),
    ...(['Simple', 'Template'] as const).map((kind) =>
      cell(
        'C-REQ4',
        E(`/Content/${kind}`),
        cases(
          'C-REQ4',
          fc
            .tuple(valid, kind === 'Simple' ? validSimpleMessage : validTemplate)
            .map(([{ FromEmailAddress: _, ...rest }, content]) => ({
              ...rest,
              Content: { [kind]: content },
            })),
        ),
      ),
    ),
  ];
  return cells;
}

/** Rules with a property of their own (malformed JSON, wrong types, media types): not an invalid class. */
export const OWN_PROPERTY_RULES: readonly RuleId[] = ['C-REQ1', 'C-REQ2'];

export function invalidSendEmailCases(from: string): InvalidCatalog {
  return catalogOf(
    sendEmailCells(from).filter((c) => !OWN_PROPERTY_RULES.includes(c.rule)),
    'MUST',
  );
}
