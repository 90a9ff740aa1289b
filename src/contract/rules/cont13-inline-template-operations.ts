import { objectAt, stringAt } from '../json-reading.ts';
import { templateTags } from '../template-tags.ts';
import { type Violation, violation } from '../violation.ts';

export const TEMPLATE_FIELDS = ['Subject', 'Text', 'Html'] as const;

/**
 * C-CONT13 MUST. An inline template (`TemplateContent`: `Subject`, `Text`, `Html`) uses only simple
 * substitution, `{{name}}`. Block helpers (`{{#…}}`, `{{/…}}`, `{{^…}}`, `{{else}}`), partials
 * (`{{>…}}`), comments (`{{!…}}`) and triple braces `{{{x}}}` are invalid (SES: "Template contains
 * unsupported operations.").
 *
 * One violation per field, at its first unsupported tag; dotted names and names with `_` (OPEN)
 * are accepted.
 */
export function checkInlineTemplateOperations(template: unknown, templatePath: string): Violation[] {
  const content = objectAt(template, 'TemplateContent');
  if (!content) return [];
  const violations: Violation[] = [];
  for (const field of TEMPLATE_FIELDS) {
    const text = stringAt(content, field);
    if (text === undefined) continue;
    const unsupported = templateTags(text).filter((tag) => tag.kind === 'unsupported');
    const first = unsupported[0];
    if (!first) continue;
    const more =
      unsupported.length > 1
        ? ` (and ${unsupported.length - 1} more unsupported ${unsupported.length === 2 ? 'tag' : 'tags'})`
        : '';
    violations.push(
      violation(
        'C-CONT13',
        `${templatePath}/TemplateContent/${field}`,
        `${first.what} '${first.text}' at position ${first.position}${more}: an inline template supports only simple substitution ({{name}}); SES answers "Template contains unsupported operations." (store the template to use Handlebars helpers)`,
      ),
    );
  }
  return violations;
}
