/**
 * Invalid SendEmail cases, one generator per MUST rule: each case breaks exactly that rule, checked
 * against the rules engine in `invalid-send-email.test.ts`. Built by mapping valid bodies.
 */
import fc from 'fast-check';
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import type { InvalidCase } from '../case.ts';
import { ADDRESS_RULES, type AddressRule, invalidAddress } from './address.ts';
import { invalidAttachments } from './attachments.ts';
import { withBadAddress } from './bad-address-placement.ts';
import { invalidHeaders } from './custom-headers.ts';
import { destinationWithBadRecipient, noRecipients, tooManyRecipients } from './destination.ts';
import { invalidTag } from './message-tags.ts';
import { oversizedRawData } from './oversized-raw-data.ts';
import { invalidRawMessages, rawData, serialiseMessage, validRawMessage } from './raw-message.ts';
import { type SendEmailBody, validSendEmail } from './send-email.ts';
import { incompleteSimpleMessage, subjectWithLineBreak, validSimpleMessage } from './simple-message.ts';
import { invalidTemplateData, sourcelessTemplate, validTemplate } from './template.ts';

function cases(
  rule: RuleId,
  bodies: fc.Arbitrary<unknown>,
  reportedAs: RuleId[] = [rule],
): fc.Arbitrary<InvalidCase> {
  return bodies.map((body) => ({ operation: 'send-email' as const, body, breaks: rule, reportedAs }));
}

/** Valid bodies whose content is Simple or Template, for defects that need a Destination. */
function withDestinationContent(from: string): fc.Arbitrary<SendEmailBody> {
  return fc
    .tuple(
      validSendEmail(from),
      fc.oneof(
        { withCrossShrink: true },
        validSimpleMessage.map((Simple) => ({ Simple })),
        validTemplate.map((Template) => ({ Template })),
      ),
    )
    .map(([body, Content]) => ({ ...body, Content }));
}

function withRaw(from: string, messages: fc.Arbitrary<string>): fc.Arbitrary<SendEmailBody> {
  return fc
    .tuple(validSendEmail(from), messages)
    .map(([body, message]) => ({ ...body, Content: { Raw: { Data: rawData(message) } } }));
}

export type InvalidCatalog = Partial<Record<RuleId, fc.Arbitrary<InvalidCase>>>;

export function invalidSendEmailCases(from: string): InvalidCatalog {
  const valid = validSendEmail(from);
  const addressRules = Object.fromEntries(
    ADDRESS_RULES.map((rule) => [
      rule,
      cases(
        rule,
        withBadAddress(valid, invalidAddress[rule], ['FromEmailAddress', 'ReplyToAddresses', 'Destination']),
      ),
    ]),
  ) as Record<AddressRule, fc.Arbitrary<InvalidCase>>;
  const raw = invalidRawMessages(from);
  const onlyContent = withDestinationContent(from);
  return {
    ...addressRules,
    'C-DEST1': cases(
      'C-DEST1',
      fc.tuple(onlyContent, tooManyRecipients).map(([b, Destination]) => ({ ...b, Destination })),
    ),
    'C-DEST2': cases(
      'C-DEST2',
      fc
        .tuple(onlyContent, noRecipients)
        .map(([{ Destination: _, ...rest }, Destination]) =>
          Destination === undefined ? rest : { ...rest, Destination },
        ),
    ),
    // C-DEST3 is reported under the address rule the bad recipient breaks.
    'C-DEST3': fc.oneof(
      { withCrossShrink: true },
      ...ADDRESS_RULES.map((rule) =>
        fc.tuple(valid, destinationWithBadRecipient(invalidAddress[rule])).map(
          ([b, Destination]): InvalidCase => ({
            operation: 'send-email',
            body: { ...b, Destination },
            breaks: 'C-DEST3',
            reportedAs: [rule],
          }),
        ),
      ),
    ),
    'C-CONT1': cases(
      'C-CONT1',
      fc
        // `both` shrinks to false: the shrunk case is the empty Content, the plainer of the two.
        .tuple(valid, validSimpleMessage, validTemplate, fc.boolean())
        .map(([b, Simple, Template, both]) => ({ ...b, Content: both ? { Simple, Template } : {} })),
    ),
    'C-CONT2': cases(
      'C-CONT2',
      fc.tuple(valid, incompleteSimpleMessage).map(([b, Simple]) => ({ ...b, Content: { Simple } })),
    ),
    'C-CONT3': cases(
      'C-CONT3',
      fc.tuple(valid, subjectWithLineBreak).map(([b, Simple]) => ({ ...b, Content: { Simple } })),
    ),
    'C-CONT4': cases(
      'C-CONT4',
      fc
        // `template` shrinks to false, so a shrunk case carries the headers in Simple content.
        .tuple(valid, validSimpleMessage, validTemplate, invalidHeaders, fc.boolean())
        .map(([b, Simple, Template, Headers, template]) => ({
          ...b,
          Content: template ? { Template: { ...Template, Headers } } : { Simple: { ...Simple, Headers } },
        })),
    ),
    'C-CONT5': cases(
      'C-CONT5',
      fc
        .tuple(valid, validSimpleMessage, validTemplate, invalidAttachments, fc.boolean())
        .map(([b, Simple, Template, Attachments, template]) => ({
          ...b,
          Content: template
            ? { Template: { ...Template, Attachments } }
            : { Simple: { ...Simple, Attachments } },
        })),
    ),
    'C-CONT6': cases(
      'C-CONT6',
      fc.tuple(valid, sourcelessTemplate).map(([b, Template]) => ({ ...b, Content: { Template } })),
    ),
    'C-CONT7': cases(
      'C-CONT7',
      fc.tuple(valid, validTemplate, invalidTemplateData).map(([b, Template, TemplateData]) => ({
        ...b,
        Content: { Template: { ...Template, TemplateData } },
      })),
    ),
    'C-CONT8': cases(
      'C-CONT8',
      fc.tuple(valid, invalidTag).map(([b, tag]) => ({
        ...b,
        EmailTags: [...(b.EmailTags ?? []).filter((t) => t.Name !== tag.Name), tag],
      })),
    ),
    'C-CONT9': cases(
      'C-CONT9',
      fc
        .tuple(
          valid,
          fc.constantFrom(
            'arn:aws:ses:us-east-1:1234:identity/example.com',
            'arn:aws:s3:::bucket',
            'example.com',
            'arn:aws:ses:us-east-1:123456789012:template/x',
          ),
          fc.boolean(),
        )
        .map(([b, arn, from]) => ({
          ...b,
          [from ? 'FromEmailAddressIdentityArn' : 'FeedbackForwardingEmailAddressIdentityArn']: arn,
        })),
    ),
    'C-CONT10': cases(
      'C-CONT10',
      fc
        .tuple(valid, fc.constantFrom('has space', 'dot.name', 'x'.repeat(65), 'ünï', ''), fc.boolean())
        .map(([b, name, configurationSet]) => ({
          ...b,
          [configurationSet ? 'ConfigurationSetName' : 'TenantName']: name,
        })),
    ),
    'C-CONT11': cases(
      'C-CONT11',
      valid.map((b) => ({ ...b, ListManagementOptions: { TopicName: 'news' } })),
    ),
    'C-MIME1': cases(
      'C-MIME1',
      fc
        .tuple(valid, validRawMessage(from), fc.constantFrom('*', '!', '=', ' ', '-', '_'), fc.nat())
        .map(([b, spec, bad, at]) => {
          const data = rawData(serialiseMessage(spec));
          const i = at % data.length;
          return { ...b, Content: { Raw: { Data: `${data.slice(0, i)}${bad}${data.slice(i)}` } } };
        }),
    ),
    'C-MIME2': cases('C-MIME2', withRaw(from, raw['C-MIME2'])),
    'C-MIME3': cases('C-MIME3', withRaw(from, raw['C-MIME3'])),
    'C-MIME4': cases(
      'C-MIME4',
      withRaw(
        from,
        fc.oneof(
          { withCrossShrink: true },
          raw['C-MIME4'],
          // A bad From address is C-MIME4 too (RULES.md section 9), with the address rule as cause.
          fc
            .tuple(
              validRawMessage(from),
              // ASCII defects only: octets above 0x7F in an address header are C-MIME6's to report.
              // C-ADDR3 and C-ADDR6 are SHOULD now, so C-ADDR5's MUST clause is the one left.
              invalidAddress['C-ADDR5'],
            )
            .map(([spec, bad]) =>
              serialiseMessage({
                ...spec,
                headers: spec.headers.map(([n, v]) => [n, n === 'From' ? bad : v]),
              }),
            ),
        ),
      ),
    ),
    'C-MIME5': cases('C-MIME5', withRaw(from, raw['C-MIME5'])),
    'C-MIME6': cases('C-MIME6', withRaw(from, raw['C-MIME6'])),
    'C-MIME7': cases('C-MIME7', withRaw(from, raw['C-MIME7'])),
    'C-MIME8': cases('C-MIME8', withRaw(from, raw['C-MIME8'])),
    'C-MIME9': cases(
      'C-MIME9',
      valid.map((b) => ({ ...b, Content: { Raw: { Data: oversizedRawData(from) } } })),
    ),
  };
}
