/**
 * Checks a request body against its schema in the spec and turns Ajv's errors into violations.
 * A failing keyword is reported under the `x-ses-rule` of the schema that holds it (a rule id, or
 * a clause such as `C-CONT4.name`); without one, a wrong type or a missing required member is
 * C-REQ2, and an unknown member is always C-REQ3 (spec/RULES.md section 10, "Schema attribution"):
 *
 * C-REQ2 MUST. Types and required members follow the spec (e.g. `ToAddresses` is an array of
 * strings; `Content` is required).
 * C-REQ3 SHOULD. Unknown members are rejected (catches typos such as `ToAdresses`).
 */
import type { ErrorObject } from 'ajv';
import type { OperationEntry } from '../operations.ts';
import { isRuleId, RULES, type RuleRef } from '../rule-catalog.ts';
import { pointer, type Violation, violation } from '../violation.ts';
import { describeCharacter, firstCharacterOutside } from './character-class.ts';
import { specSchema } from './spec-ajv.ts';

export type RequestSchemaName = OperationEntry['requestSchema'];

/** Whether `value` names a rule (`C-CONT4`) or one of its clauses (`C-CONT4.name`). */
export function isRuleRef(value: string): value is RuleRef {
  const dot = value.indexOf('.');
  const rule = dot < 0 ? value : value.slice(0, dot);
  if (!isRuleId(rule)) return false;
  return dot < 0 || Object.hasOwn(RULES[rule].clauses, value.slice(dot + 1));
}

function ruleOf(error: ErrorObject): RuleRef {
  if (error.keyword === 'additionalProperties') return 'C-REQ3';
  if (error.keyword === 'type') return 'C-REQ2.types';
  const tagged = (error.parentSchema as Record<string, unknown> | undefined)?.['x-ses-rule'];
  if (typeof tagged !== 'string') return 'C-REQ2.types';
  // A tag the registry does not know is a spec bug: fail loudly rather than report a wrong rule.
  if (!isRuleRef(tagged)) throw new Error(`the spec tags a schema with unknown rule '${tagged}'`);
  return tagged;
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
      return patternMessage(error);
    case 'maxItems':
      return `holds ${(error.data as unknown[]).length} items; at most ${String(params.limit)} are allowed`;
    case 'minItems':
      return `holds ${(error.data as unknown[]).length} items; at least ${String(params.limit)} are needed`;
    case 'maxLength':
      return `is ${(error.data as string).length} characters long; at most ${String(params.limit)} are allowed`;
    case 'minLength':
      if (error.data === '') return 'must not be empty';
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

/**
 * What a person needs to fix a value that fails its pattern: the first character that is not
 * allowed and its 1-based position, and what is allowed (the schema's description), never the regex.
 */
function patternMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
  const allowed = typeof description === 'string' ? description.trim() : undefined;
  const value = typeof error.data === 'string' ? error.data : String(error.data);
  const found = firstCharacterOutside(String(params.pattern), value);
  if (found) {
    const where = `${describeCharacter(found.character)} at position ${found.position}`;
    return allowed ? `${where} is not allowed: ${allowed}` : `${where} is not allowed`;
  }
  return allowed ? `${shown(value)} is not valid: ${allowed}` : `${shown(value)} is not valid here`;
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
