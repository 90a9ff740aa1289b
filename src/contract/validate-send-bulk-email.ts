/** Does a SendBulkEmail body keep the contract? Same engine as SendEmail, plus section 7. */
import { reportUnderBulkRule } from './bulk-entry-reporting.ts';
import { checkTemplate } from './email-content.ts';
import { itemsAt, objectAt, stringAt } from './json-reading.ts';
import { checkEntryDestination } from './rules/bulk3-entry-destinations.ts';
import { checkEntryReplacements } from './rules/bulk4-entry-replacements.ts';
import { checkMessageTags } from './rules/cont8-message-tags.ts';
import {
  checkTemplateVariables,
  mergeTemplateData,
  parseTemplateData,
  type RenderingData,
} from './rules/cont14-template-variables.ts';
import { checkJsonObject } from './rules/req1-json-object.ts';
import { checkFromAddressPresent } from './rules/req4-from-address.ts';
import { schemaViolations } from './schema/schema-violations.ts';
import { checkSenderAddresses } from './sender-addresses.ts';
import { type CheckResult, finishCheck, type ValidationOptions } from './validation-options.ts';
import type { Violation } from './violation.ts';

/** Every violation of a SendBulkEmail body, and the advice (ADVISE level) kept apart. */
export function checkSendBulkEmail(body: unknown, options: ValidationOptions = {}): CheckResult {
  const notObject = checkJsonObject(body);
  if (notObject.length > 0) return { violations: notObject, advice: [] };
  const template = objectAt(objectAt(body, 'DefaultContent'), 'Template');
  const entries = itemsAt(body, 'BulkEmailEntries');
  const entryViolations = entries.flatMap(([index, entry]) => [
    ...checkEntryDestination(entry, index),
    ...checkEntryReplacements(entry, index),
  ]);
  return finishCheck(
    [
      ...schemaViolations('SendBulkEmailRequest', body).map(reportUnderBulkRule),
      ...checkFromAddressPresent(body, 'send-bulk-email'),
      ...checkSenderAddresses(body),
      ...checkMessageTags(body, '', 'DefaultEmailTags'),
      ...(template ? checkTemplate(template, '/DefaultContent/Template') : []),
      ...entryViolations,
      ...checkTemplateVariables(template, '/DefaultContent/Template', entryRenderings(template, entries)),
    ],
    options,
  );
}

/** The data each entry's message is rendered with (reference §7.3: default data merged with the entry's). */
export function entryRenderings(template: unknown, entries: Array<[number, unknown]>): RenderingData[] {
  const defaults = parseTemplateData(stringAt(template, 'TemplateData'));
  return entries.map(([index, entry]) => {
    const replacement = stringAt(
      objectAt(objectAt(entry, 'ReplacementEmailContent'), 'ReplacementTemplate'),
      'ReplacementTemplateData',
    );
    const own = replacement === undefined ? {} : parseTemplateData(replacement);
    const data = defaults && own ? mergeTemplateData(defaults, own) : undefined;
    return { data, entry: index };
  });
}

/** The violations of a SendBulkEmail body (empty = valid); advice is left out, see `checkSendBulkEmail`. */
export function validateSendBulkEmail(body: unknown, options: ValidationOptions = {}): Violation[] {
  return checkSendBulkEmail(body, options).violations;
}
