/**
 * One `Template` rendered with one set of data, as SES does it (reference §7.3): an inline
 * `TemplateContent` by simple `{{name}}` substitution (C-CONT13 has already refused anything else),
 * a stored template by Handlebars (`stored-templates.ts`). A variable with no value, or a null one,
 * is a Rendering Failure: SES has accepted the request by then and drops the message.
 *
 * Browser-safe: no `node:` imports.
 */
import { isJsonObject, type JsonObject, objectAt, stringAt } from '../contract/json-reading.ts';
import { hasTemplateValue, templateValue } from '../contract/rules/cont14-template-variables.ts';
import { templateTags } from '../contract/template-tags.ts';
import { TEMPLATE_PARTS, type TemplateLibrary, type TemplatePart } from './stored-templates.ts';

export type RenderedParts = { subject?: string; text?: string; html?: string };

export type TemplateRendering =
  | ({ status: 'rendered'; templateName?: string } & RenderedParts)
  /** `reason` is SES's `failure.errorMessage`; `variable` is set when a variable had no value. */
  | { status: 'failed'; templateName?: string; part: TemplatePart; variable?: string; reason: string }
  /** A stored template and no templates to render it with: accepted, shown as sent. */
  | { status: 'unrendered'; templateName: string }
  /** A stored template name the library does not hold: the profile's NotFoundException. */
  | { status: 'not-found'; templateName: string };

const PART_KEYS: Record<TemplatePart, keyof RenderedParts> = {
  Subject: 'subject',
  Text: 'text',
  Html: 'html',
};

/** `arn:aws:ses:us-east-1:123456789012:template/welcome` → `welcome`. */
export function templateNameOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** The stored template a `Template` names (`TemplateName`, else the name part of `TemplateArn`). */
export function storedTemplateName(template: unknown): string | undefined {
  const name = stringAt(template, 'TemplateName');
  if (name !== undefined) return name;
  const arn = stringAt(template, 'TemplateArn');
  return arn === undefined ? undefined : templateNameOfArn(arn);
}

function missing(variable: string): string {
  // SES's own wording in the Rendering Failure event (knowledge-center ses-sendtemplatedemail-delivery-failure).
  return `Attribute '${variable}' is not present in the rendering data.`;
}

/** Handlebars prints values with `String(…)` (arrays joined with commas); inline substitution does too. */
function printed(value: unknown): string {
  return String(value);
}

function renderInline(content: JsonObject, data: JsonObject): TemplateRendering {
  const rendered: RenderedParts = {};
  for (const part of TEMPLATE_PARTS) {
    const text = stringAt(content, part);
    if (text === undefined) continue;
    let out = '';
    let from = 0;
    for (const tag of templateTags(text)) {
      if (tag.kind !== 'variable' || tag.name === undefined) continue;
      if (!hasTemplateValue(data, tag.name)) {
        return { status: 'failed', part, variable: tag.name, reason: missing(tag.name) };
      }
      const start = tag.position - 1;
      const end = text.indexOf('}}', start + 2) + 2;
      out += text.slice(from, start) + printed(templateValue(data, tag.name));
      from = end;
    }
    rendered[PART_KEYS[part]] = out + text.slice(from);
  }
  return { status: 'rendered', ...rendered };
}

/** SES treats `null` as missing; Handlebars' strict mode does not, so null members go first. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const kept: JsonObject = {};
  for (const [key, member] of Object.entries(value)) if (member !== null) kept[key] = withoutNulls(member);
  return kept;
}

type HandlebarsRuntimeError = Error & { lineNumber?: number; column?: number };

function renderStored(templateName: string, library: TemplateLibrary, data: JsonObject): TemplateRendering {
  const template = library.get(templateName);
  if (!template) return { status: 'not-found', templateName };
  const input = withoutNulls(data);
  const rendered: RenderedParts = {};
  for (const part of TEMPLATE_PARTS) {
    const compiled = template[part];
    if (!compiled) continue;
    try {
      rendered[PART_KEYS[part]] = compiled.render(input);
    } catch (error) {
      const { message, lineNumber, column } = error as HandlebarsRuntimeError;
      // Strict mode's message names only the last segment ("x" not defined in …); the position
      // finds the whole path as written.
      const notDefined = /^"([^"]*)" not defined in/.exec(message ?? '');
      if (notDefined) {
        const variable = compiled.pathsAt.get(`${lineNumber}:${column}`) ?? notDefined[1] ?? '';
        return { status: 'failed', templateName, part, variable, reason: missing(variable) };
      }
      return { status: 'failed', templateName, part, reason: String(message).split('\n')[0] ?? '' };
    }
  }
  return { status: 'rendered', templateName, ...rendered };
}

/**
 * Renders `template` (a request's `Template` member) with `data` (its parsed TemplateData, merged
 * with a bulk entry's replacement data). `library` holds the stored templates; without it a stored
 * template stays unrendered.
 */
export function renderTemplate(
  template: unknown,
  data: JsonObject,
  library: TemplateLibrary | undefined,
): TemplateRendering {
  const content = objectAt(template, 'TemplateContent');
  if (content) return renderInline(content, data);
  const templateName = storedTemplateName(template) ?? '';
  if (!library) return { status: 'unrendered', templateName };
  return renderStored(templateName, library, data);
}
