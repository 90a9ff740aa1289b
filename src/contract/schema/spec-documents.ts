/**
 * The bundled OpenAPI documents of both wire profiles, as generated from `spec/` by `npm run generate`.
 * Everything that validates JSON against the spec (request rules, response checks) reads them from here.
 */
import aws from '../../../generated/sesv2.aws.openapi.json' with { type: 'json' };
import documented from '../../../generated/sesv2.documented.openapi.json' with { type: 'json' };
import type { Operation } from '../operations.ts';

export type WireProfileName = 'documented' | 'aws';

export const WIRE_PROFILES: readonly WireProfileName[] = ['documented', 'aws'];

export const SPEC_DOCUMENTS: Readonly<Record<WireProfileName, object>> = { documented, aws };

/**
 * The spec schema an answer of `profile` has: an acceptance of `operation` (C-W1, C-A1, C-A2) or an
 * error (C-W2, C-A3). The documented envelope is one for both operations; the aws errors too.
 */
export function answerSchemaName(
  profile: WireProfileName,
  operation: Operation,
  answer: 'accepted' | 'error',
): string {
  if (answer === 'error') return profile === 'documented' ? 'ErrorEnvelope' : 'AwsError';
  if (profile === 'documented') return 'SuccessEnvelope';
  return operation === 'send-email' ? 'SendEmailResponse' : 'SendBulkEmailResponse';
}
