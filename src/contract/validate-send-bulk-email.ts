/** Does a SendBulkEmail body keep the contract? Same engine as SendEmail, plus section 7. */
import { liftEntryViolation } from './bulk-entry-lifting.ts';
import { checkTemplate } from './email-content.ts';
import { itemsAt, objectAt } from './json-reading.ts';
import { checkEntryDestination } from './rules/bulk3-entry-destinations.ts';
import { checkEntryReplacements } from './rules/bulk4-entry-replacements.ts';
import { checkJsonObject } from './rules/req1-json-object.ts';
import { schemaViolations } from './schema/schema-violations.ts';
import { checkSenderAddresses } from './sender-addresses.ts';
import { type CheckResult, finishCheck, type ValidationOptions } from './validation-options.ts';
import type { Violation } from './violation.ts';

/** Every violation of a SendBulkEmail body, and the advice (ADVISE level) kept apart. */
export function checkSendBulkEmail(body: unknown, options: ValidationOptions = {}): CheckResult {
  const notObject = checkJsonObject(body);
  if (notObject.length > 0) return { violations: notObject, advice: [] };
  const template = objectAt(objectAt(body, 'DefaultContent'), 'Template');
  const entries = itemsAt(body, 'BulkEmailEntries').flatMap(([index, entry]) => [
    ...checkEntryDestination(entry, index),
    ...checkEntryReplacements(entry, index),
  ]);
  return finishCheck(
    [
      ...schemaViolations('SendBulkEmailRequest', body).map(liftEntryViolation),
      ...checkSenderAddresses(body),
      ...(template ? checkTemplate(template, '/DefaultContent/Template') : []),
      ...entries,
    ],
    options,
  );
}

/** The violations of a SendBulkEmail body (empty = valid); advice is left out, see `checkSendBulkEmail`. */
export function validateSendBulkEmail(body: unknown, options: ValidationOptions = {}): Violation[] {
  return checkSendBulkEmail(body, options).violations;
}
