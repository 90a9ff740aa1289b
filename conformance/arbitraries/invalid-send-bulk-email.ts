/**
 * Invalid SendBulkEmail cases: every (rule, clause, place) cell a bulk body can break. Entry
 * defects are reported as C-BULK3 (destination) or C-BULK4 (replacements) with the underlying rule
 * as cause (RULES.md section 9), and the case records which entry holds the defect so C-A5's
 * per-entry answer can be checked.
 */
import fc from 'fast-check';
import type { Place, RuleId } from '../../src/contract/rule-registry.ts';
import type { InvalidCase } from '../case.ts';
import { ADDRESS_RULES, invalidAddress } from './address.ts';
import { addressCells } from './address-cells.ts';
import { invalidAttachmentsByClause } from './attachments.ts';
import { invalidHeaders, invalidHeadersByClause } from './custom-headers.ts';
import { destinationWithBadRecipient, noRecipients, tooManyRecipients } from './destination.ts';
import { catalogOf, cell, type InvalidCatalog, type InvalidCell } from './invalid-cell.ts';
import { MALFORMED_ARNS, MALFORMED_NAMES, OWN_PROPERTY_RULES } from './invalid-send-email.ts';
import { invalidTag, invalidTagByClause } from './message-tags.ts';
import {
  type BulkEmailEntry,
  type SendBulkEmailBody,
  validEntry,
  validSendBulkEmail,
} from './send-bulk-email.ts';
import {
  invalidTemplateData,
  invalidTemplateDataByClause,
  sourcelessTemplate,
  type Template,
  twoSourceTemplate,
  unsupportedOperationTemplate,
  validTemplate,
} from './template.ts';
import { malformedJsonCases, wrongTypeCases } from './wrong-types.ts';

const B = (pattern: string) => `send-bulk-email ${pattern}` as Place;

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
  breaks: RuleId,
  reportedAs: 'C-BULK3' | 'C-BULK4',
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
      breaks,
      reportedAs: [reportedAs],
      badEntry: at,
    };
  });
}

const entryWith = (change: fc.Arbitrary<Partial<BulkEmailEntry>>) =>
  fc.tuple(validEntry, change).map(([entry, c]) => ({ ...entry, ...c }));
const replacementData = (data: fc.Arbitrary<string>) =>
  data.map((d) => ({ ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: d } } }));

export function sendBulkEmailCells(from: string): InvalidCell[] {
  const valid = validSendBulkEmail(from);
  const template = (change: fc.Arbitrary<Partial<Template>>) =>
    fc
      .tuple(valid, validTemplate, change)
      .map(([b, t, c]) => ({ ...b, DefaultContent: { Template: { ...t, ...c } } }));
  const entries = B('/BulkEmailEntries/*/Destination');
  return [
    ...addressCells('send-bulk-email', from),
    cell(
      'C-DEST1',
      entries,
      withBrokenEntry(
        valid,
        entryWith(tooManyRecipients.map((Destination) => ({ Destination }))),
        'C-DEST1',
        'C-BULK3',
      ),
    ),
    cell(
      'C-DEST2',
      entries,
      withBrokenEntry(
        valid,
        entryWith(noRecipients.map((d) => ({ Destination: d ?? {} }))),
        'C-DEST2',
        'C-BULK3',
      ),
    ),
    cell(
      'C-BULK1',
      B('/DefaultContent'),
      cases(
        'C-BULK1',
        valid.map((b) => ({ ...b, DefaultContent: {} })),
      ),
    ),
    cell(
      'C-BULK2',
      B('/BulkEmailEntries'),
      cases(
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
    ),
    // Simplest first: fast-check shrinks towards the first arm, and an empty destination reads best.
    cell(
      'C-BULK3',
      entries,
      withBrokenEntry(
        valid,
        entryWith(
          fc
            .oneof(
              { withCrossShrink: true },
              noRecipients.map((d) => d ?? {}),
              fc.oneof(
                { withCrossShrink: true },
                ...ADDRESS_RULES.map((rule) => destinationWithBadRecipient(invalidAddress[rule])),
              ),
              tooManyRecipients,
            )
            .map((Destination) => ({ Destination })),
        ),
        'C-BULK3',
        'C-BULK3',
      ),
    ),
    cell(
      'C-BULK4',
      B('/BulkEmailEntries/*/ReplacementEmailContent'),
      withBrokenEntry(valid, entryWith(replacementData(invalidTemplateData)), 'C-BULK4', 'C-BULK4'),
    ),
    cell(
      'C-BULK4',
      B('/BulkEmailEntries/*/ReplacementTags'),
      withBrokenEntry(
        valid,
        entryWith(invalidTag.map((t) => ({ ReplacementTags: [t] }))),
        'C-BULK4',
        'C-BULK4',
      ),
    ),
    cell(
      'C-BULK4',
      B('/BulkEmailEntries/*/ReplacementHeaders'),
      withBrokenEntry(
        valid,
        entryWith(invalidHeaders.map((ReplacementHeaders) => ({ ReplacementHeaders }))),
        'C-BULK4',
        'C-BULK4',
      ),
    ),
    ...Object.entries(invalidHeadersByClause).flatMap(([clause, headers]) => [
      cell(
        `C-CONT4.${clause}`,
        B('/DefaultContent/Template/Headers'),
        cases('C-CONT4', template(headers.map((Headers) => ({ Headers })))),
      ),
      cell(
        `C-CONT4.${clause}`,
        B('/BulkEmailEntries/*/ReplacementHeaders'),
        withBrokenEntry(
          valid,
          entryWith(headers.map((ReplacementHeaders) => ({ ReplacementHeaders }))),
          'C-CONT4',
          'C-BULK4',
        ),
      ),
    ]),
    ...Object.entries(invalidAttachmentsByClause).map(([clause, attachments]) =>
      cell(
        `C-CONT5.${clause}`,
        B('/DefaultContent/Template/Attachments'),
        cases('C-CONT5', template(attachments.map((Attachments) => ({ Attachments })))),
      ),
    ),
    cell(
      'C-CONT6.some-source',
      B('/DefaultContent/Template'),
      cases(
        'C-CONT6',
        fc.tuple(valid, sourcelessTemplate).map(([b, Template]) => ({ ...b, DefaultContent: { Template } })),
      ),
    ),
    cell(
      'C-CONT6.single-source',
      B('/DefaultContent/Template'),
      cases(
        'C-CONT6',
        fc.tuple(valid, twoSourceTemplate).map(([b, Template]) => ({ ...b, DefaultContent: { Template } })),
      ),
    ),
    ...Object.entries(invalidTemplateDataByClause).flatMap(([clause, data]) => [
      cell(
        `C-CONT7.${clause}`,
        B('/DefaultContent/Template/TemplateData'),
        cases('C-CONT7', template(data.map((TemplateData) => ({ TemplateData })))),
      ),
      cell(
        `C-CONT7.${clause}`,
        B('/BulkEmailEntries/*/ReplacementEmailContent/ReplacementTemplate/ReplacementTemplateData'),
        withBrokenEntry(valid, entryWith(replacementData(data)), 'C-CONT7', 'C-BULK4'),
      ),
    ]),
    ...Object.entries(invalidTagByClause).flatMap(([clause, tag]) => [
      cell(
        `C-CONT8.${clause}`,
        B('/DefaultEmailTags'),
        cases(
          'C-CONT8',
          fc.tuple(valid, tag).map(([b, t]) => ({ ...b, DefaultEmailTags: [t] })),
        ),
      ),
      cell(
        `C-CONT8.${clause}`,
        B('/BulkEmailEntries/*/ReplacementTags'),
        withBrokenEntry(valid, entryWith(tag.map((t) => ({ ReplacementTags: [t] }))), 'C-CONT8', 'C-BULK4'),
      ),
    ]),
    ...(['FromEmailAddressIdentityArn', 'FeedbackForwardingEmailAddressIdentityArn'] as const).flatMap(
      (field) => [
        cell(
          'C-CONT9.empty',
          B(`/${field}`),
          cases(
            'C-CONT9',
            valid.map((b) => ({ ...b, [field]: '' })),
          ),
        ),
        cell(
          'C-CONT9.format',
          B(`/${field}`),
          cases(
            'C-CONT9',
            fc.tuple(valid, fc.constantFrom(...MALFORMED_ARNS)).map(([b, arn]) => ({ ...b, [field]: arn })),
          ),
        ),
      ],
    ),
    ...(['ConfigurationSetName', 'TenantName'] as const).map((field) =>
      cell(
        'C-CONT10.format',
        B(`/${field}`),
        cases(
          'C-CONT10',
          fc.tuple(valid, fc.constantFrom(...MALFORMED_NAMES)).map(([b, name]) => ({ ...b, [field]: name })),
        ),
      ),
    ),
    cell(
      'C-CONT13.simple-substitution',
      B('/DefaultContent/Template/TemplateContent'),
      cases(
        'C-CONT13',
        fc
          .tuple(valid, unsupportedOperationTemplate)
          .map(([b, Template]) => ({ ...b, DefaultContent: { Template } })),
      ),
    ),
    cell('C-REQ1', B('/'), malformedJsonCases('send-bulk-email', from)),
    cell('C-REQ2.types', B('/'), wrongTypeCases('send-bulk-email', from)),
    cell(
      'C-REQ2.media-type',
      B('/'),
      fc
        .tuple(cases('C-REQ2', valid), fc.constantFrom('text/plain', 'application/xml'))
        .map(([c, contentType]) => ({ ...c, contentType })),
    ),
    cell(
      'C-REQ3',
      B('/'),
      cases(
        'C-REQ3',
        fc
          .tuple(valid, fc.constantFrom('BulkEntries', 'Destination', 'defaultContent'))
          .map(([b, typo]) => ({ ...b, [typo]: 'x' })),
      ),
    ),
    cell(
      'C-REQ4',
      B('/'),
      cases(
        'C-REQ4',
        valid.map(({ FromEmailAddress: _, ...rest }) => rest),
      ),
    ),
  ];
}

export function invalidSendBulkEmailCases(from: string): InvalidCatalog {
  return catalogOf(
    sendBulkEmailCells(from).filter((c) => !OWN_PROPERTY_RULES.includes(c.rule)),
    'MUST',
  );
}
