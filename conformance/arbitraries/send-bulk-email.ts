/**
 * Valid SendBulkEmail bodies: an inline template as `DefaultContent` and 1–50 entries, each with
 * its own small destination, replacement data, tags and headers. The default data gives every
 * template variable a value and replacement data never sets one to null, so the merged data of
 * every entry does too (C-CONT14).
 */
import fc from 'fast-check';
import { validAddress } from './address.ts';
import { type MessageHeader, validHeaders } from './custom-headers.ts';
import type { Destination } from './destination.ts';
import { type MessageTag, validTags } from './message-tags.ts';
import { senderAddress } from './send-email.ts';
import { type Template, validReplacementData, validTemplate } from './template.ts';

export type BulkEmailEntry = {
  Destination: Destination;
  ReplacementTags?: MessageTag[];
  ReplacementEmailContent?: { ReplacementTemplate?: { ReplacementTemplateData?: string } };
  ReplacementHeaders?: MessageHeader[];
};

export type SendBulkEmailBody = {
  FromEmailAddress?: string;
  ReplyToAddresses?: string[];
  FeedbackForwardingEmailAddress?: string;
  DefaultContent: { Template?: Template };
  BulkEmailEntries: BulkEmailEntry[];
  DefaultEmailTags?: MessageTag[];
  [member: string]: unknown;
};

// The second recipient, when there is one, goes to To, Cc or Bcc: valid entries reach every list.
const entryDestination: fc.Arbitrary<Destination> = fc
  .tuple(
    fc.uniqueArray(validAddress, { minLength: 1, maxLength: 2, selector: (a) => a.toLowerCase() }),
    fc.constantFrom('ToAddresses', 'CcAddresses', 'BccAddresses'),
  )
  .map(([addresses, list]) =>
    list !== 'ToAddresses' && addresses.length > 1
      ? { ToAddresses: [addresses[0] as string], [list]: addresses.slice(1) }
      : { ToAddresses: addresses },
  );

export const validEntry: fc.Arbitrary<BulkEmailEntry> = fc
  .record(
    {
      Destination: entryDestination,
      ReplacementTags: validTags,
      ReplacementEmailContent: validReplacementData.map((data) => ({
        ReplacementTemplate: { ReplacementTemplateData: data },
      })),
      ReplacementHeaders: validHeaders,
    },
    { requiredKeys: ['Destination'] },
  )
  .map((entry) => {
    if (entry.ReplacementTags?.length === 0) delete entry.ReplacementTags;
    if (entry.ReplacementHeaders?.length === 0) delete entry.ReplacementHeaders;
    return entry;
  });

/** Fifty entries, each to one numbered recipient: the C-BULK2 boundary without a huge body. */
const fiftyEntries: fc.Arbitrary<BulkEmailEntry[]> = fc.constant(
  Array.from({ length: 50 }, (_, i) => ({ Destination: { ToAddresses: [`r${i + 1}@example.com`] } })),
);

export const validEntries: fc.Arbitrary<BulkEmailEntry[]> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: fc.array(validEntry, { minLength: 1, maxLength: 4 }), weight: 9 },
  { arbitrary: fiftyEntries, weight: 1 },
);

export function validSendBulkEmail(from: string): fc.Arbitrary<SendBulkEmailBody> {
  return fc
    .record(
      {
        FromEmailAddress: senderAddress(from),
        ReplyToAddresses: fc.uniqueArray(validAddress, {
          minLength: 1,
          maxLength: 2,
          selector: (a) => a.toLowerCase(),
        }),
        FeedbackForwardingEmailAddress: fc.constant(from),
        DefaultContent: validTemplate.map((Template) => ({ Template })),
        BulkEmailEntries: validEntries,
        DefaultEmailTags: validTags,
      },
      { requiredKeys: ['FromEmailAddress', 'DefaultContent', 'BulkEmailEntries'] },
    )
    .map((body) => {
      if (body.DefaultEmailTags?.length === 0) delete body.DefaultEmailTags;
      return body;
    });
}
