/**
 * Checks a request body against its schema in the spec and turns Ajv's errors into violations.
 * A failing keyword is reported under the `x-ses-rule` of the schema that holds it; without one,
 * a wrong type or a missing required member is C-REQ2, and an unknown member is always C-REQ3
 * (spec/RULES.md section 9, "Schema attribution"):
 *
 * C-REQ2 MUST. Types and required members follow the spec (e.g. `ToAddresses` is an array of
 * strings; `Content` is required).
 * C-REQ3 SHOULD. Unknown members are rejected (catches typos such as `ToAdresses`).
 */
import type { ErrorObject } from 'ajv';
import { isRuleId, type RuleId } from '../rule-catalog.ts';
import { pointer, type Violation, violation } from '../violation.ts';
import { specSchema } from './spec-ajv.ts';

export type RequestSchemaName = 'SendEmailRequest' | 'SendBulkEmailRequest';

function ruleOf(error: ErrorObject): RuleId {
  if (error.keyword === 'additionalProperties') return 'C-REQ3';
  if (error.keyword === 'type') return 'C-REQ2';
  const tagged = (error.parentSchema as Record<string, unknown> | undefined)?.['x-ses-rule'];
  return typeof tagged === 'string' && isRuleId(tagged) ? tagged : 'C-REQ2';
}

function pathOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}${pointer(String(params.missingProperty))}`;
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}${pointer(String(params.additionalProperty))}`;
  }
  return error.instancePath;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `'${String(params.missingProperty)}' is required`;
    case 'additionalProperties':
      return `'${String(params.additionalProperty)}' is not a member of this object (misspelled?)`;
    case 'type':
      return `must be ${String(params.type)}, got ${shown(error.data)}`;
    case 'pattern':
      return `${shown(error.data)} does not match ${String(params.pattern)}`;
    case 'maxItems':
      return `holds ${(error.data as unknown[]).length} items; at most ${String(params.limit)} are allowed`;
    case 'minItems':
      return `holds ${(error.data as unknown[]).length} items; at least ${String(params.limit)} are needed`;
    case 'maxLength':
      return `is ${(error.data as string).length} characters long; at most ${String(params.limit)} are allowed`;
    case 'minLength':
      return `is ${(error.data as string).length} characters long; at least ${String(params.limit)} are needed`;
    case 'enum':
      return `${shown(error.data)} is not one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'minProperties':
    case 'maxProperties':
    case 'anyOf': {
      const parent = error.parentSchema as { properties?: object; maxProperties?: number };
      const names = Object.keys(parent.properties ?? {});
      const quantity = parent.maxProperties === 1 ? 'exactly one' : 'at least one';
      return `must hold ${quantity} of ${names.join(', ')}`;
    }
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/** Violations of the request schema; `anyOf` branch failures are summed up by their `anyOf` error. */
export function schemaViolations(name: RequestSchemaName, body: unknown): Violation[] {
  const validate = specSchema('documented', name);
  if (validate(body)) return [];
  const violations: Violation[] = [];
  for (const error of validate.errors ?? []) {
    if (/\/anyOf\/\d+\//.test(error.schemaPath)) continue;
    violations.push(violation(ruleOf(error), pathOf(error), messageOf(error)));
  }
  return violations;
}
