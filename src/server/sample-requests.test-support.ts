/**
 * Request bodies the mock's tests, the MSW tests and the benchmark share: the spec's own examples
 * (which must be accepted) and one invalid twin of each, broken in one known rule.
 */
import documentedSpec from '../../generated/sesv2.documented.openapi.json' with { type: 'json' };
import { OPERATION_TABLE } from '../contract/operations.ts';

type Operation = { requestBody: { content: { 'application/json': { example: Record<string, unknown> } } } };
const paths = documentedSpec.paths as unknown as Record<string, { post: Operation }>;

function specExample(path: string): Record<string, unknown> {
  const example = paths[path]?.post.requestBody.content['application/json'].example;
  if (!example) throw new Error(`The spec has no request example for ${path}: run \`npm run generate\`?`);
  return structuredClone(example);
}

export const SEND_EMAIL_PATH = OPERATION_TABLE['send-email'].path;
export const SEND_BULK_EMAIL_PATH = OPERATION_TABLE['send-bulk-email'].path;

/** The spec's SendEmail example: Simple content, a Punycode Cc and a tag. */
export const validSendEmail = (): Record<string, unknown> => specExample(SEND_EMAIL_PATH);

/** The spec's SendBulkEmail example: inline template, two entries. */
export const validSendBulkEmail = (): Record<string, unknown> => specExample(SEND_BULK_EMAIL_PATH);

/** Breaks C-ADDR4: a recipient domain that is not ASCII. */
export function sendEmailWithUnicodeDomain(): Record<string, unknown> {
  return { ...validSendEmail(), Destination: { ToAddresses: ['alice@bücher.de'] } };
}

/** Bulk request whose second entry has a bad recipient (C-BULK3 ← C-ADDR1), nothing else wrong. */
export function bulkWithBadEntryRecipient(): Record<string, unknown> {
  const body = validSendBulkEmail();
  body.BulkEmailEntries = [
    { Destination: { ToAddresses: ['alice@example.com'] } },
    { Destination: { ToAddresses: ['bob@@example.com'] } },
  ];
  return body;
}

/** Bulk request whose first entry carries replacement data that is not a JSON object (C-BULK4 ← C-CONT7). */
export function bulkWithBadEntryData(): Record<string, unknown> {
  const body = validSendBulkEmail();
  body.BulkEmailEntries = [
    {
      Destination: { ToAddresses: ['alice@example.com'] },
      ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '[1, 2]' } },
    },
    { Destination: { ToAddresses: ['bob@example.com'] } },
  ];
  return body;
}

/** Bulk request broken outside its entries: no template source (C-BULK1 / C-CONT6). */
export function bulkWithoutTemplate(): Record<string, unknown> {
  return { ...validSendBulkEmail(), DefaultContent: { Template: {} } };
}
