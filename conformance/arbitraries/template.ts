/**
 * Templates (C-CONT6, C-CONT7, C-CONT13, C-CONT14): inline `TemplateContent` with `{{variables}}`
 * and `TemplateData` as a JSON object string. Valid cases never name a stored template: the
 * implementation under test holds none (RULES.md section 9). A valid template uses simple
 * substitution only, with names of letters and digits (dotted names and `_` are C-CONT13 OPEN), and
 * its data gives every variable a non-null value (otherwise C-CONT14 advice: SES accepts and then
 * drops the message).
 */
import fc from 'fast-check';
import { type Attachment, validAttachments } from './attachments.ts';
import { type MessageHeader, validHeaders } from './custom-headers.ts';

export type TemplateContent = { Subject?: string; Text?: string; Html?: string };
export type Template = {
  TemplateContent?: TemplateContent;
  TemplateName?: string;
  TemplateArn?: string;
  TemplateData?: string;
  Headers?: MessageHeader[];
  Attachments?: Attachment[];
};

/** Every variable a valid template may use: letters and digits only. */
export const TEMPLATE_VARIABLES = ['name', 'city', 'orderId', 'plan2'] as const;
const variable = fc.constantFrom(...TEMPLATE_VARIABLES);

/** A non-null data value (C-CONT14): never null, never empty. */
export const dataValue: fc.Arbitrary<string | number> = fc.oneof(
  { withCrossShrink: true },
  fc.string({ unit: fc.constantFrom(...'abcdefghij XYZ0123'), minLength: 1, maxLength: 12 }),
  fc.integer(),
  fc.constantFrom('Zoë', '東京'),
);

/** Inline content over `variables` (none: plain text), in Subject and Text and/or Html. */
function contentWith(variables: readonly string[], withText: boolean, withHtml: boolean): TemplateContent {
  const names = variables.map((v) => `{{${v}}}`).join(' ');
  const tail = names === '' ? '' : ` ${names}`;
  return {
    Subject: `Hello${tail}`,
    ...(withText || !withHtml ? { Text: `Dear reader${tail}, your message.` } : {}),
    ...(withHtml ? { Html: `<p>Dear <b>reader${tail}</b></p>` } : {}),
  };
}

/** A valid inline template's content and data (data only when a variable needs it, or by choice). */
export const validTemplateSource: fc.Arbitrary<{ TemplateContent: TemplateContent; TemplateData?: string }> =
  fc
    .tuple(
      fc.uniqueArray(variable, { maxLength: 2 }),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      // No `chain` on the variables: values for the most there can be, so both sides shrink.
      fc.array(dataValue, { minLength: 2, maxLength: 2 }),
      fc.dictionary(fc.constantFrom('extra', 'note'), dataValue, { maxKeys: 1 }),
    )
    .map(([variables, withText, withHtml, dataAnyway, values, extra]) => {
      const TemplateContent = contentWith(variables, withText, withHtml);
      if (variables.length === 0 && !dataAnyway) return { TemplateContent };
      const data = { ...extra, ...Object.fromEntries(variables.map((v, i) => [v, values[i]])) };
      return { TemplateContent, TemplateData: JSON.stringify(data) };
    });

/**
 * A bulk entry's replacement data: values for any of the template variables, never null, so the
 * default data deep-merged with it still gives every variable a value.
 */
export const validReplacementData: fc.Arbitrary<string> = fc
  .dictionary(fc.constantFrom(...TEMPLATE_VARIABLES, 'extra'), dataValue, { maxKeys: 3 })
  .map((data) => JSON.stringify(data));

export const validTemplate: fc.Arbitrary<Template> = fc
  .tuple(validTemplateSource, validHeaders, validAttachments)
  .map(([source, Headers, Attachments]) => ({
    ...source,
    ...(Headers.length > 0 ? { Headers } : {}),
    ...(Attachments.length > 0 ? { Attachments } : {}),
  }));

/** C-CONT7, object clause: data that is not JSON, or JSON that is not an object. */
export const nonObjectTemplateData: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  fc.constantFrom('{name: "x"}', '{"name": "x"', 'not json', ''),
  fc.constantFrom('[1,2]', '"text"', '42', 'null', 'true'),
);

export const MAX_TEMPLATE_DATA_CHARS = 262_144;

/** C-CONT7, size clause: a JSON object just over 262,144 characters, giving every variable a value. */
export const oversizedTemplateData: fc.Arbitrary<string> = fc.integer({ min: 1, max: 40 }).map((over) => {
  const head = Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v, 'x']));
  const base = JSON.stringify({ ...head, pad: '' });
  return JSON.stringify({ ...head, pad: 'p'.repeat(MAX_TEMPLATE_DATA_CHARS - base.length + over) });
});

/** C-CONT7 by clause. */
export const invalidTemplateDataByClause = {
  object: nonObjectTemplateData,
  size: oversizedTemplateData,
} as const;

/** C-CONT7, either clause. */
export const invalidTemplateData: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  nonObjectTemplateData,
  oversizedTemplateData,
);

/** C-CONT6: a template that names no source at all. */
export const sourcelessTemplate: fc.Arbitrary<Template> = validTemplateSource.map(({ TemplateData }) =>
  TemplateData === undefined ? {} : { TemplateData },
);

/** C-CONT6 SHOULD: inline content and a stored template's name or ARN as well. */
export const twoSourceTemplate: fc.Arbitrary<Template> = fc
  .tuple(
    validTemplate,
    fc.constantFrom(
      { TemplateName: 'welcome' },
      { TemplateArn: 'arn:aws:ses:us-east-1:123456789012:template/welcome' },
    ),
  )
  .map(([template, stored]) => ({ ...template, ...stored }));

/**
 * C-CONT13: what inline templates may not hold. Each uses `name`, which the data gives a value, so
 * the case is about the construct alone.
 */
const UNSUPPORTED_CONSTRUCTS = [
  '{{#if name}}Hi{{/if}}',
  '{{#each name}}x{{/each}}',
  '{{#with name}}x{{/with}}',
  '{{^name}}none{{/name}}',
  '{{#if name}}a{{else}}b{{/if}}',
  '{{> footer}}',
  '{{! a comment }}',
  '{{{name}}}',
] as const;

/** C-CONT13: a valid template with one unsupported construct in Subject, Text or Html. */
export const unsupportedOperationTemplate: fc.Arbitrary<Template> = fc
  .tuple(
    validTemplate,
    fc.constantFrom(...UNSUPPORTED_CONSTRUCTS),
    fc.constantFrom('Subject', 'Text', 'Html') satisfies fc.Arbitrary<keyof TemplateContent>,
  )
  .map(([template, construct, part]) => {
    const data = JSON.parse(template.TemplateData ?? '{}') as Record<string, unknown>;
    const content = { ...template.TemplateContent };
    content[part] = `${content[part] ?? ''} ${construct}`;
    return {
      ...template,
      TemplateContent: content,
      TemplateData: JSON.stringify({ ...data, name: data.name ?? 'Ann' }),
    };
  });
