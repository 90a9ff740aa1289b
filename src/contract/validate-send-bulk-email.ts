/** Does a SendBulkEmail body keep the contract? Same engine as SendEmail, plus section 7. */
import { liftEntryViolation } from './bulk-entry-lifting.ts';
import { checkTemplate } from './email-content.ts';
import { itemsAt, objectAt } from './json-reading.ts';
import { checkEntryDestination } from './rules/bulk3-entry-destinations.ts';
import { checkEntryReplacements } from './rules/bulk4-entry-replacements.ts';
import { checkJsonObject } from './rules/req1-json-object.ts';
import { schemaViolations } from './schema/schema-violations.ts';
import { checkSenderAddresses } from './sender-addresses.ts';
import { finishViolations, type ValidationOptions } from './validation-options.ts';
import type { Violation } from './violation.ts';

export function validateSendBulkEmail(body: unknown, options: ValidationOptions = {}): Violation[] {
  const notObject = checkJsonObject(body);
  if (notObject.length > 0) return notObject;
  const template = objectAt(objectAt(body, 'DefaultContent'), 'Template');
  const entries = itemsAt(body, 'BulkEmailEntries').flatMap(([index, entry]) => [
    ...checkEntryDestination(entry, index),
    ...checkEntryReplacements(entry, index),
  ]);
  return finishViolations(
    [
      ...schemaViolations('SendBulkEmailRequest', body).map(liftEntryViolation),
      ...checkSenderAddresses(body),
      ...(template ? checkTemplate(template, '/DefaultContent/Template') : []),
      ...entries,
    ],
    options,
  );
}
