import { objectAt, stringAt } from '../json-reading.ts';
import { liftViolation, pointer, type Violation } from '../violation.ts';
import { checkTemplateDataObject } from './cont7-template-data-object.ts';

/**
 * C-BULK4 MUST. Each entry's `ReplacementTemplateData`, `ReplacementTags`, `ReplacementHeaders`
 * pass C-CONT7, C-CONT8, C-CONT4. (Tags and header syntax are schema keywords, lifted to C-BULK4
 * by `liftEntryViolations`; the JSON-object check of the data is code.)
 */
export function checkEntryReplacements(entry: unknown, index: number): Violation[] {
  const path = pointer('BulkEmailEntries', index);
  const dataPath = `${path}/ReplacementEmailContent/ReplacementTemplate/ReplacementTemplateData`;
  const data = stringAt(
    objectAt(objectAt(entry, 'ReplacementEmailContent'), 'ReplacementTemplate'),
    'ReplacementTemplateData',
  );
  return [...checkTemplateDataObject(data, dataPath).map((v) => liftViolation(v, 'C-BULK4'))];
}
