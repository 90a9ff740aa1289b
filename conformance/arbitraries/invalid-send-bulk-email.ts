/**
 * Invalid SendBulkEmail cases, one generator per MUST rule. Entry defects are reported as C-BULK3
 * (destination) or C-BULK4 (replacements) with the underlying rule as cause (RULES.md section 9),
 * and the case records which entry holds the defect so C-A5's per-entry answer can be judged.
 */
import fc from 'fast-check';
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import type { InvalidCase } from '../case.ts';
import { ADDRESS_RULES, type AddressRule, invalidAddress } from './address.ts';
import { invalidAttachments } from './attachments.ts';
import { withBadAddress } from './bad-address-placement.ts';
import { invalidHeaders } from './custom-headers.ts';
import { destinationWithBadRecipient, noRecipients, tooManyRecipients } from './destination.ts';
import type { InvalidCatalog } from './invalid-send-email.ts';
import { invalidTag } from './message-tags.ts';
import {
  type BulkEmailEntry,
  type SendBulkEmailBody,
  validEntry,
  validSendBulkEmail,
} from './send-bulk-email.ts';
import { invalidTemplateData, sourcelessTemplate, validTemplate } from './template.ts';

function cases(rule: RuleId, bodies: fc.Arbitrary<unknown>): fc.Arbitrary<InvalidCase> {
  return bodies.map((body) => ({
    operation: 'send-bulk-email' as const,
    body,
    breaks: rule,
    reportedAs: [rule],
  }));
}

/**
 * A valid body with one entry replaced or inserted by `broken`, recording its index. `insert`
 * shrinks to false, so a shrunk case is the broken entry alone rather than beside a valid one.
 */
function withBrokenEntry(
  valid: fc.Arbitrary<SendBulkEmailBody>,
  broken: fc.Arbitrary<BulkEmailEntry>,
  rule: 'C-BULK3' | 'C-BULK4',
): fc.Arbitrary<InvalidCase> {
  return fc.tuple(valid, broken, fc.nat(), fc.boolean()).map(([body, entry, pick, insert]) => {
    const entries = [...body.BulkEmailEntries];
    // At 50 entries an insertion would break C-BULK2 as well: replace instead.
    const inserting = insert && entries.length < 50;
    const at = pick % (entries.length + (inserting ? 1 : 0));
    entries.splice(at, inserting ? 0 : 1, entry);
    return {
      operation: 'send-bulk-email',
      body: { ...body, BulkEmailEntries: entries },
      breaks: rule,
      reportedAs: [rule],
      badEntry: at,
    };
  });
}

// Simplest first: fast-check shrinks towards the first arm, and an empty destination reads best.
const badEntryDestination = fc.oneof(
  { withCrossShrink: true },
  noRecipients.map((d) => d ?? {}),
  fc.oneof(
    { withCrossShrink: true },
    ...ADDRESS_RULES.map((rule) => destinationWithBadRecipient(invalidAddress[rule])),
  ),
  tooManyRecipients,
);

const badReplacements: fc.Arbitrary<BulkEmailEntry> = fc
  .tuple(
    validEntry,
    invalidTemplateData,
    invalidTag,
    invalidHeaders,
    fc.constantFrom('data', 'tags', 'headers'),
  )
  .map(([entry, data, tag, headers, which]) => {
    if (which === 'data')
      return {
        ...entry,
        ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: data } },
      };
    if (which === 'tags') return { ...entry, ReplacementTags: [tag] };
    return { ...entry, ReplacementHeaders: headers };
  });

export function invalidSendBulkEmailCases(from: string): InvalidCatalog {
  const valid = validSendBulkEmail(from);
  const addressRules = Object.fromEntries(
    ADDRESS_RULES.map((rule) => [
      rule,
      cases(rule, withBadAddress(valid, invalidAddress[rule], ['FromEmailAddress', 'ReplyToAddresses'])),
    ]),
  ) as Record<AddressRule, fc.Arbitrary<InvalidCase>>;
  const template = (
    change: fc.Arbitrary<(t: NonNullable<SendBulkEmailBody['DefaultContent']['Template']>) => object>,
  ) =>
    fc.tuple(valid, validTemplate, change).map(([b, t, f]) => ({ ...b, DefaultContent: { Template: f(t) } }));
  return {
    ...addressRules,
    'C-BULK1': cases(
      'C-BULK1',
      valid.map((b) => ({ ...b, DefaultContent: {} })),
    ),
    'C-BULK2': cases(
      'C-BULK2',
      // `tooMany` shrinks to false: a shrunk case shows the empty list, not 51 entries.
      fc.tuple(valid, fc.integer({ min: 51, max: 55 }), fc.boolean()).map(([b, count, tooMany]) => ({
        ...b,
        BulkEmailEntries: tooMany
          ? Array.from({ length: count }, (_, i) => ({
              Destination: { ToAddresses: [`r${i + 1}@example.com`] },
            }))
          : [],
      })),
    ),
    'C-BULK3': withBrokenEntry(
      valid,
      fc.tuple(validEntry, badEntryDestination).map(([e, Destination]) => ({ ...e, Destination })),
      'C-BULK3',
    ),
    'C-BULK4': withBrokenEntry(valid, badReplacements, 'C-BULK4'),
    'C-CONT4': cases('C-CONT4', template(invalidHeaders.map((Headers) => (t) => ({ ...t, Headers })))),
    'C-CONT5': cases(
      'C-CONT5',
      template(invalidAttachments.map((Attachments) => (t) => ({ ...t, Attachments }))),
    ),
    'C-CONT6': cases(
      'C-CONT6',
      fc.tuple(valid, sourcelessTemplate).map(([b, Template]) => ({ ...b, DefaultContent: { Template } })),
    ),
    'C-CONT7': cases(
      'C-CONT7',
      template(invalidTemplateData.map((TemplateData) => (t) => ({ ...t, TemplateData }))),
    ),
    'C-CONT8': cases(
      'C-CONT8',
      fc.tuple(valid, invalidTag).map(([b, tag]) => ({ ...b, DefaultEmailTags: [tag] })),
    ),
    'C-CONT9': cases(
      'C-CONT9',
      valid.map((b) => ({
        ...b,
        FromEmailAddressIdentityArn: 'arn:aws:ses:us-east-1:1234:identity/example.com',
      })),
    ),
    'C-CONT10': cases(
      'C-CONT10',
      fc
        .tuple(valid, fc.constantFrom('has space', 'x'.repeat(65), 'dot.name'))
        .map(([b, ConfigurationSetName]) => ({ ...b, ConfigurationSetName })),
    ),
  };
}
