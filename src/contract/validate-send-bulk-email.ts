/** Does a SendBulkEmail body keep the contract? Same engine as SendEmail, plus section 7. */
import { reportUnderBulkRule } from './bulk-entry-reporting.ts';
import { checkTemplate } from './email-content.ts';
import { itemsAt, objectAt, stringAt } from './json-reading.ts';
import { type ParsedText, parseJsonText } from './json-text.ts';
import { checkEntryDestination } from './rules/bulk3-entry-destinations.ts';
import { checkEntryReplacements } from './rules/bulk4-entry-replacements.ts';
import { checkMessageTags } from './rules/cont8-message-tags.ts';
import {
  checkTemplateVariables,
  mergeTemplateData,
  type RenderingData,
  templateDataObject,
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
  const data = bulkTemplateData(template, itemsAt(body, 'BulkEmailEntries'));
  const entryViolations = data.entries.flatMap(({ index, entry, replacement }) => [
    ...checkEntryDestination(entry, index),
    ...checkEntryReplacements(entry, index, replacement),
  ]);
  return finishCheck(
    [
      ...schemaViolations('SendBulkEmailRequest', body).map(reportUnderBulkRule),
      ...checkFromAddressPresent(body, 'send-bulk-email'),
      ...checkSenderAddresses(body),
      ...checkMessageTags(body, '', 'DefaultEmailTags'),
      ...(template ? checkTemplate(template, '/DefaultContent/Template', data.defaults) : []),
      ...entryViolations,
      ...checkTemplateVariables(template, '/DefaultContent/Template', entryRenderings(data)),
    ],
    options,
  );
}

/** A bulk request's template data texts, each parsed once: the default data and every entry's own. */
export type BulkTemplateData = {
  defaults: ParsedText | undefined;
  entries: Array<{ index: number; entry: unknown; replacement: ParsedText | undefined }>;
};

export function bulkTemplateData(template: unknown, entries: Array<[number, unknown]>): BulkTemplateData {
  return {
    defaults: parseJsonText(stringAt(template, 'TemplateData')),
    entries: entries.map(([index, entry]) => ({
      index,
      entry,
      replacement: parseJsonText(
        stringAt(
          objectAt(objectAt(entry, 'ReplacementEmailContent'), 'ReplacementTemplate'),
          'ReplacementTemplateData',
        ),
      ),
    })),
  };
}

/** The data each entry's message is rendered with (reference §7.3: default data merged with the entry's). */
export function entryRenderings(data: BulkTemplateData): RenderingData[] {
  const defaults = templateDataObject(data.defaults);
  return data.entries.map(({ index, replacement }) => {
    const own = templateDataObject(replacement);
    return { data: defaults && own ? mergeTemplateData(defaults, own) : undefined, entry: index };
  });
}

/** The violations of a SendBulkEmail body (empty = valid); advice is left out, see `checkSendBulkEmail`. */
export function validateSendBulkEmail(body: unknown, options: ValidationOptions = {}): Violation[] {
  return checkSendBulkEmail(body, options).violations;
}
