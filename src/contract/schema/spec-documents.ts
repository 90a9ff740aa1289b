/**
 * The bundled OpenAPI documents of both wire profiles, as generated from `spec/` by `npm run generate`.
 * Everything that validates JSON against the spec (request rules, response checks) reads them from here.
 */
import aws from '../../../generated/sesv2.aws.openapi.json' with { type: 'json' };
import documented from '../../../generated/sesv2.documented.openapi.json' with { type: 'json' };

export type WireProfileName = 'documented' | 'aws';

export const WIRE_PROFILES: readonly WireProfileName[] = ['documented', 'aws'];

export const SPEC_DOCUMENTS: Readonly<Record<WireProfileName, object>> = { documented, aws };
