/**
 * Does a SendEmail body keep the contract? Schema rules come from the spec, semantic rules from
 * one module each; the result is every violation found (empty = valid), advice apart.
 */
import { destinationRecipients, RECIPIENT_LISTS, recipientCounts } from './destination-recipients.ts';
import { checkEmailContent } from './email-content.ts';
import { isJsonObject, objectAt, stringAt } from './json-reading.ts';
import { parseJsonText } from './json-text.ts';
import type { RecipientHeaderCounts } from './mime/check-raw-message.ts';
import { checkMessageTags } from './rules/cont8-message-tags.ts';
import { checkTemplateVariables, templateDataObject } from './rules/cont14-template-variables.ts';
import { checkRecipientLimit } from './rules/dest1-recipient-limit.ts';
import { checkAtLeastOneRecipient } from './rules/dest2-at-least-one-recipient.ts';
import { checkRecipients } from './rules/dest3-valid-recipients.ts';
import { checkJsonObject } from './rules/req1-json-object.ts';
import { checkFromAddressPresent } from './rules/req4-from-address.ts';
import { schemaViolations } from './schema/schema-violations.ts';
import { checkSenderAddresses } from './sender-addresses.ts';
import { type CheckResult, finishCheck, type ValidationOptions } from './validation-options.ts';
import type { Violation } from './violation.ts';

/** The recipients a raw message names in its own To/Cc/Bcc headers, when it was read that far. */
export type RawRecipients = { recipients?: readonly string[]; perHeader?: RecipientHeaderCounts };

/**
 * Recipient rules (C-DEST1…3) of one Destination. For Raw content (`raw` given) without any
 * Destination address, the MIME To/Cc/Bcc headers name the recipients instead; when the MIME could
 * not be read that far, its own violations already say why and nothing is counted.
 */
export function checkDestination(destination: unknown, path: string, raw?: RawRecipients): Violation[] {
  const recipients = destinationRecipients(destination, path);
  const counts = recipientCounts(destination);
  const total = counts.ToAddresses + counts.CcAddresses + counts.BccAddresses;
  // A list of the wrong type is C-REQ2's to report; counting it as empty would add a C-DEST2.
  if (
    RECIPIENT_LISTS.some(
      (list) => isJsonObject(destination) && list in destination && !Array.isArray(destination[list]),
    )
  ) {
    return checkRecipients(recipients);
  }
  if (total === 0 && raw) {
    const rawRecipients = raw.recipients;
    if (!rawRecipients) return [];
    const perHeader = raw.perHeader ?? { 'To/Cc/Bcc headers': rawRecipients.length };
    // Address defects in those headers are C-MIME6's to report.
    return [
      ...checkRecipientLimit(perHeader, '/Content/Raw/Data', 'headers'),
      ...checkAtLeastOneRecipient(rawRecipients.length, '/Content/Raw/Data', 'the To, Cc and Bcc headers'),
    ];
  }
  return [
    ...checkRecipientLimit(counts, path),
    ...checkAtLeastOneRecipient(total, path, 'Destination'),
    ...checkRecipients(recipients),
  ];
}

/** Every violation of a SendEmail body, and the advice (ADVISE level) kept apart. */
export function checkSendEmail(body: unknown, options: ValidationOptions = {}): CheckResult {
  const notObject = checkJsonObject(body);
  if (notObject.length > 0) return { violations: notObject, advice: [] };
  const template = objectAt(objectAt(body, 'Content'), 'Template');
  const templateData = parseJsonText(stringAt(template, 'TemplateData'));
  const content = checkEmailContent(objectAt(body, 'Content'), '/Content', templateData);
  const isRaw = objectAt(objectAt(body, 'Content'), 'Raw') !== undefined;
  const raw: RawRecipients | undefined = isRaw
    ? {
        ...(content.rawRecipients ? { recipients: content.rawRecipients } : {}),
        ...(content.rawRecipientHeaders ? { perHeader: content.rawRecipientHeaders } : {}),
      }
    : undefined;
  return finishCheck(
    [
      ...schemaViolations('SendEmailRequest', body),
      ...checkFromAddressPresent(body, 'send-email'),
      ...checkSenderAddresses(body),
      ...checkDestination(objectAt(body, 'Destination'), '/Destination', raw),
      ...checkMessageTags(body, '', 'EmailTags'),
      ...content.violations,
      ...checkTemplateVariables(template, '/Content/Template', [{ data: templateDataObject(templateData) }]),
    ],
    options,
  );
}

/** The violations of a SendEmail body (empty = valid); advice is left out, see `checkSendEmail`. */
export function validateSendEmail(body: unknown, options: ValidationOptions = {}): Violation[] {
  return checkSendEmail(body, options).violations;
}
