import type { ParsedText } from '../json-text.ts';
import { pointer, reportUnder, type Violation } from '../violation.ts';
import { checkReservedHeaderNames } from './cont4-reserved-header-names.ts';
import { checkTemplateDataObject } from './cont7-template-data-object.ts';
import { checkMessageTags } from './cont8-message-tags.ts';

/**
 * C-BULK4 MUST. Each entry's `ReplacementTemplateData`, `ReplacementTags`, `ReplacementHeaders`
 * pass C-CONT7, C-CONT8, C-CONT4. (Header syntax and counts are schema keywords, reported under C-BULK4
 * by `reportUnderBulkRule`; the JSON-object check of the data, the tags and the reserved header
 * names are code, reported under it here.) `data` is the entry's `ReplacementTemplateData`, parsed
 * by the operation.
 */
export function checkEntryReplacements(
  entry: unknown,
  index: number,
  data: ParsedText | undefined,
): Violation[] {
  const path = pointer('BulkEmailEntries', index);
  const dataPath = `${path}/ReplacementEmailContent/ReplacementTemplate/ReplacementTemplateData`;
  return [
    ...checkTemplateDataObject(data, dataPath),
    ...checkMessageTags(entry, path, 'ReplacementTags'),
    ...checkReservedHeaderNames(entry, path, 'ReplacementHeaders'),
  ].map((v) => (v.level === 'MUST' ? reportUnder(v, 'C-BULK4') : v));
}
