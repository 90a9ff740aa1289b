/**
 * Templates (C-CONT6, C-CONT7): inline `TemplateContent` with `{{variables}}` and `TemplateData`
 * as a JSON object string. Valid cases never name a stored template: the implementation under test
 * holds none (RULES.md section 8).
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

const variable = fc.constantFrom('name', 'city', 'order_id', 'plan');

const templateData = fc
  .dictionary(
    variable,
    fc.oneof(
      { withCrossShrink: true },
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.constantFrom('Zoë', '東京'),
    ),
    {
      maxKeys: 3,
    },
  )
  .map((data) => JSON.stringify(data));

export const validTemplateData: fc.Arbitrary<string> = templateData;

export const validTemplateContent: fc.Arbitrary<TemplateContent> = fc
  .tuple(variable, fc.boolean(), fc.boolean())
  .map(([v, withText, withHtml]) => ({
    Subject: `Hello {{${v}}}`,
    ...(withText || !withHtml ? { Text: `Dear {{${v}}}, your message.` } : {}),
    ...(withHtml ? { Html: `<p>Dear <b>{{${v}}}</b></p>` } : {}),
  }));

export const validTemplate: fc.Arbitrary<Template> = fc
  .record(
    {
      TemplateContent: validTemplateContent,
      TemplateData: templateData,
      Headers: validHeaders,
      Attachments: validAttachments,
    },
    { requiredKeys: ['TemplateContent'] },
  )
  .map(dropEmptyLists);

function dropEmptyLists(template: Template): Template {
  const out = { ...template };
  if (out.Headers?.length === 0) delete out.Headers;
  if (out.Attachments?.length === 0) delete out.Attachments;
  return out;
}

/** C-CONT7: data that is not JSON, or JSON that is not an object. */
export const invalidTemplateData: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  fc.constantFrom('{name: "x"}', '{"name": "x"', 'not json', ''),
  fc.constantFrom('[1,2]', '"text"', '42', 'null', 'true'),
);

/** C-CONT6: a template that names no source at all. */
export const sourcelessTemplate: fc.Arbitrary<Template> = fc.record({ TemplateData: templateData });
