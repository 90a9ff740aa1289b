import { isJsonObject, type JsonObject, objectAt, stringAt } from '../json-reading.ts';
import { type ParsedText, parseJsonText } from '../json-text.ts';
import { templateTags } from '../template-tags.ts';
import { type Violation, violation } from '../violation.ts';
import { TEMPLATE_FIELDS } from './cont13-inline-template-operations.ts';

/** One set of data a message is rendered with: the template's own, or a bulk entry's merged data. */
export type RenderingData = {
  /** `undefined` when the data is not a JSON object (C-CONT7 reports that): nothing can be checked. */
  data: JsonObject | undefined;
  /** For bulk entries: the entry's 0-based index. */
  entry?: number;
};

/**
 * C-CONT14 ADVISE. Every `{{name}}` of an inline template has a non-null value in the template data
 * (for a bulk entry: the default data deep-merged with its replacement data). Otherwise SES accepts
 * the request, answers 200 and a MessageId, and then drops the message with a Rendering Failure event.
 *
 * Advice, never a violation: one per variable, at the first field using it, naming the bulk entries
 * whose data lacks it.
 */
export function checkTemplateVariables(
  template: unknown,
  templatePath: string,
  renderings: readonly RenderingData[],
): Violation[] {
  const content = objectAt(template, 'TemplateContent');
  if (!content) return [];
  const firstField = new Map<string, string>();
  for (const field of TEMPLATE_FIELDS) {
    const text = stringAt(content, field);
    if (text === undefined) continue;
    for (const tag of templateTags(text)) {
      if (tag.kind === 'variable' && tag.name && !firstField.has(tag.name)) firstField.set(tag.name, field);
    }
  }
  const advice: Violation[] = [];
  for (const [name, field] of firstField) {
    const lacking = renderings.filter((r) => r.data !== undefined && !hasTemplateValue(r.data, name));
    if (lacking.length === 0) continue;
    const entries = lacking.flatMap((r) => (r.entry === undefined ? [] : [r.entry + 1]));
    const whose =
      entries.length === 0
        ? 'the template data'
        : `the data of ${entries.length === 1 ? 'entry' : 'entries'} ${listed(entries)} (counting from 1; default data merged with each entry's replacement data)`;
    advice.push(
      violation(
        'C-CONT14',
        `${templatePath}/TemplateContent/${field}`,
        `{{${name}}} has no value in ${whose}: SES accepts the request, then drops ${entries.length > 1 ? 'those messages' : 'the message'} with a Rendering Failure event`,
      ),
    );
  }
  return advice;
}

/**
 * The data a parsed `TemplateData` holds: `{}` when the field is absent, undefined when it is not a
 * JSON object (C-CONT7 reports that).
 */
export function templateDataObject(read: ParsedText | undefined): JsonObject | undefined {
  if (read === undefined) return {};
  return read.ok && isJsonObject(read.value) ? read.value : undefined;
}

/** `templateDataObject` of a `TemplateData` string not parsed yet. */
export function parseTemplateData(text: string | undefined): JsonObject | undefined {
  return templateDataObject(parseJsonText(text));
}

/**
 * A bulk entry's data as SES renders it (reference §7.3): replacement keys win, objects merge
 * recursively, arrays and scalars are replaced whole.
 */
export function mergeTemplateData(defaults: JsonObject, replacement: JsonObject): JsonObject {
  const merged: JsonObject = { ...defaults };
  for (const [key, value] of Object.entries(replacement)) {
    const base = merged[key];
    merged[key] = isJsonObject(base) && isJsonObject(value) ? mergeTemplateData(base, value) : value;
  }
  return merged;
}

/** The value `{{name}}` (`a` or `a.b`) stands for in `data`; undefined when a segment is absent. */
export function templateValue(data: JsonObject, name: string): unknown {
  let value: unknown = data;
  for (const segment of name.split('.')) {
    if (!isJsonObject(value) || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

/** Whether `{{name}}` renders: SES treats a null value as missing. */
export function hasTemplateValue(data: JsonObject, name: string): boolean {
  const value = templateValue(data, name);
  return value !== null && value !== undefined;
}

function listed(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 10).join(', ');
  return numbers.length > 10 ? `${shown} and ${numbers.length - 10} more` : shown;
}
