import type { ParsedText } from '../json-text.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-CONT7 MUST. `TemplateData` and `ReplacementTemplateData`, when present, parse as a JSON object
 * and are at most 262,144 characters. (The length is the schema's `TemplateData.maxLength`.) `read`
 * is the field parsed by `parseJsonText`, undefined when the field is absent.
 */
export function checkTemplateDataObject(read: ParsedText | undefined, path: string): Violation[] {
  if (read === undefined) return [];
  if (!read.ok) return [violation('C-CONT7', path, `is not JSON: ${read.error}`)];
  const parsed = read.value;
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return [];
  const got = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
  return [violation('C-CONT7', path, `must be a JSON object (as a string), got ${got}`)];
}
