import { isJsonObject } from '../json-reading.ts';
import { type Violation, violation } from '../violation.ts';

const SOURCES = ['TemplateName', 'TemplateArn', 'TemplateContent'] as const;

/**
 * C-CONT6 MUST. Template: at least one of `TemplateName`, `TemplateArn`, `TemplateContent`.
 * SHOULD: not more than one.
 *
 * The MUST half is the schema's `anyOf` on `Template`; this reports the SHOULD half.
 */
export function checkOneTemplateSource(template: unknown, path: string): Violation[] {
  if (!isJsonObject(template)) return [];
  const given = SOURCES.filter((key) => Object.hasOwn(template, key));
  if (given.length <= 1) return [];
  return [
    violation(
      'C-CONT6.single-source',
      path,
      `names its template ${given.length} ways (${given.join(', ')}); give one`,
    ),
  ];
}
