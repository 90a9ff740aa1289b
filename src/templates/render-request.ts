/**
 * What each recipient of a templated SendEmail or SendBulkEmail gets: one message per request, or
 * one per bulk entry (default data deep-merged with the entry's replacement data, reference §7.3;
 * the entry's ReplacementHeaders and ReplacementTags over the defaults). The mock stores these and
 * `ses-contract render` prints them, so the two cannot differ.
 *
 * Browser-safe: no `node:` imports.
 */
import { inferOperation } from '../contract/infer-operation.ts';
import { itemsAt, type JsonObject, objectAt, stringAt, stringsAt } from '../contract/json-reading.ts';
import { parseTemplateData } from '../contract/rules/cont14-template-variables.ts';
import { bulkTemplateData, entryRenderings } from '../contract/validate-send-bulk-email.ts';
import { renderTemplate, storedTemplateName, type TemplateRendering } from './render-template.ts';
import type { TemplateLibrary } from './stored-templates.ts';

export type NameValue = { name: string; value: string };

export type RenderedMessage = {
  /** For SendBulkEmail: the entry's 0-based index. */
  entry?: number;
  from?: string;
  replyTo: string[];
  to: string[];
  cc: string[];
  bcc: string[];
  /** `Template.Headers`, for a bulk entry overridden by name by its `ReplacementHeaders`. */
  headers: NameValue[];
  /** `EmailTags`, or `DefaultEmailTags` overridden by name by the entry's `ReplacementTags`. */
  tags: NameValue[];
  template: {
    /** The stored template's name; absent for an inline `TemplateContent`. */
    name?: string;
    /** The data the message is rendered with (for a bulk entry: after the merge). */
    data: JsonObject;
  };
  rendering: TemplateRendering;
};

function pairs(value: unknown, key: string, nameKey: string, valueKey: string): NameValue[] {
  return itemsAt(value, key).flatMap(([, item]) => {
    const name = stringAt(item, nameKey);
    const itemValue = stringAt(item, valueKey);
    return name === undefined || itemValue === undefined ? [] : [{ name, value: itemValue }];
  });
}

/** `replacements` win over `defaults` of the same name (case-insensitively for headers). */
function overridden(
  defaults: NameValue[],
  replacements: NameValue[],
  fold: (name: string) => string,
): NameValue[] {
  const replaced = new Set(replacements.map((r) => fold(r.name)));
  return [...defaults.filter((d) => !replaced.has(fold(d.name))), ...replacements];
}

function sender(body: unknown): Pick<RenderedMessage, 'from' | 'replyTo'> {
  const from = stringAt(body, 'FromEmailAddress');
  const replyTo = stringsAt(body, 'ReplyToAddresses');
  return from === undefined ? { replyTo } : { from, replyTo };
}

function recipients(destination: JsonObject | undefined): Pick<RenderedMessage, 'to' | 'cc' | 'bcc'> {
  return {
    to: stringsAt(destination, 'ToAddresses'),
    cc: stringsAt(destination, 'CcAddresses'),
    bcc: stringsAt(destination, 'BccAddresses'),
  };
}

function templateOf(template: unknown, data: JsonObject): RenderedMessage['template'] {
  const name = objectAt(template, 'TemplateContent') ? undefined : storedTemplateName(template);
  return name === undefined ? { data } : { name, data };
}

/** A SendEmail with `Content.Template`, rendered; undefined for Simple and Raw content. */
export function renderSendEmail(
  body: unknown,
  library: TemplateLibrary | undefined,
): RenderedMessage | undefined {
  const template = objectAt(objectAt(body, 'Content'), 'Template');
  if (!template) return undefined;
  const data = parseTemplateData(stringAt(template, 'TemplateData')) ?? {};
  return {
    ...sender(body),
    ...recipients(objectAt(body, 'Destination')),
    headers: pairs(template, 'Headers', 'Name', 'Value'),
    tags: pairs(body, 'EmailTags', 'Name', 'Value'),
    template: templateOf(template, data),
    rendering: renderTemplate(template, data, library),
  };
}

/** One rendered message per entry of a SendBulkEmail, in entry order. */
export function renderSendBulkEmail(body: unknown, library: TemplateLibrary | undefined): RenderedMessage[] {
  const template = objectAt(objectAt(body, 'DefaultContent'), 'Template');
  const entries = itemsAt(body, 'BulkEmailEntries');
  const defaultHeaders = pairs(template, 'Headers', 'Name', 'Value');
  const defaultTags = pairs(body, 'DefaultEmailTags', 'Name', 'Value');
  const renderings = entryRenderings(bulkTemplateData(template, entries));
  return entries.map(([index, entry], at) => {
    const data = renderings[at]?.data ?? {};
    return {
      entry: index,
      ...sender(body),
      ...recipients(objectAt(entry, 'Destination')),
      headers: overridden(defaultHeaders, pairs(entry, 'ReplacementHeaders', 'Name', 'Value'), (n) =>
        n.toLowerCase(),
      ),
      tags: overridden(defaultTags, pairs(entry, 'ReplacementTags', 'Name', 'Value'), (n) => n),
      template: templateOf(template, data),
      rendering: renderTemplate(template, data, library),
    };
  });
}

/** Either operation (told apart as `validate` does); [] when there is no template to render. */
export function renderRequest(body: unknown, library: TemplateLibrary | undefined): RenderedMessage[] {
  if (inferOperation(body) === 'send-bulk-email') return renderSendBulkEmail(body, library);
  const single = renderSendEmail(body, library);
  return single ? [single] : [];
}
