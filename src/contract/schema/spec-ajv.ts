/**
 * One Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) holding both spec documents, so every
 * schema is compiled from the spec itself and once per process. Schemas are addressed as
 * `<profile>#/components/schemas/<Name>`.
 */
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SPEC_DOCUMENTS, type WireProfileName } from './spec-documents.ts';

let ajv: Ajv2020 | undefined;
const compiled = new Map<WireProfileName, Map<string, ValidateFunction>>();

function specAjv(): Ajv2020 {
  if (ajv) return ajv;
  // verbose: errors carry their parentSchema, whose x-ses-rule names the rule a keyword enforces.
  const instance = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  addFormats.default(instance);
  for (const keyword of ['x-ses-rule', 'x-ses-rules', 'example']) instance.addKeyword({ keyword });
  // The OpenAPI document around the schemas: keywords Ajv must skip rather than reject.
  for (const keyword of [
    'openapi',
    'info',
    'servers',
    'tags',
    'security',
    'paths',
    'components',
    'x-generated',
  ]) {
    instance.addKeyword({ keyword });
  }
  for (const [profile, document] of Object.entries(SPEC_DOCUMENTS)) instance.addSchema(document, profile);
  ajv = instance;
  return instance;
}

/** The compiled validator of `components.schemas[name]` in the profile's document. */
export function specSchema(profile: WireProfileName, name: string): ValidateFunction {
  // Keyed by profile, then name: building the `$ref` string on every validation cost more than the lookup.
  let ofProfile = compiled.get(profile);
  if (!ofProfile) {
    ofProfile = new Map();
    compiled.set(profile, ofProfile);
  }
  let validate = ofProfile.get(name);
  if (!validate) {
    const ref = `${profile}#/components/schemas/${name}`;
    const found = specAjv().getSchema(ref);
    if (!found) throw new Error(`The spec has no schema ${ref}: run \`npm run generate\`?`);
    validate = found;
    ofProfile.set(name, validate);
  }
  return validate;
}
