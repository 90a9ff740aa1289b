/** The documented wire profile: `{success, data}` / `{success, error}` envelopes (C-W1…C-W3). */

import { JSON_HEADERS, jsonResponse, type MockResponse } from './mock-response.ts';
import { SES_ERRORS } from './ses-errors.ts';
import { listedViolations, violationMessage } from './violation-summary.ts';
import type { WireProfile } from './wire-profile.ts';

function errorEnvelope(status: number, code: string, message: string, extra: object = {}): MockResponse {
  return jsonResponse(status, { success: false, error: { code, message, ...extra } });
}

export const documentedWire: WireProfile = {
  name: 'documented',
  perEntryBulkResults: false,
  // The mock's most frequent answer, written without a JSON.stringify walk; the id may come from a
  // caller's `nextId`, so it is still escaped, and `createdAt` is ISO 8601, which needs no escaping.
  sendEmailAccepted: (id, createdAt) => ({
    status: 200,
    headers: JSON_HEADERS,
    body: `{"success":true,"data":{"id":${JSON.stringify(id)},"created_at":"${createdAt}"}}`,
  }),
  // The same envelope as SendEmail's, with the one id of the request (reference §7: the documented
  // profile accepts or refuses a bulk request whole, so there is nothing per entry to say).
  sendBulkEmailAccepted: (id, createdAt) =>
    jsonResponse(200, { success: true, data: { id, created_at: createdAt } }),
  invalid: (violations) =>
    errorEnvelope(400, 'VALIDATION_ERROR', violationMessage(violations), {
      details: listedViolations(violations).map(({ rule, path, message }) => ({ rule, path, message })),
    }),
  tooLarge: (limit) =>
    errorEnvelope(413, 'PAYLOAD_TOO_LARGE', `The request body is over the limit of ${limit} bytes.`),
  unsupportedMediaType: (contentType) =>
    errorEnvelope(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body as application/json, not ${contentType}.`),
  notFound: (method, path) => errorEnvelope(404, 'NOT_FOUND', `No route for ${method} ${path}`),
  templateNotFound: (templateName) =>
    errorEnvelope(404, 'NOT_FOUND', `Template ${templateName} does not exist.`),
  methodNotAllowed: (method, path, allow) => ({
    ...errorEnvelope(
      405,
      'METHOD_NOT_ALLOWED',
      `${path} does not accept ${method}; use ${allow.join(', ')}.`,
    ),
    headers: { 'content-type': 'application/json', allow: allow.join(', ') },
  }),
  sesError: (error) =>
    errorEnvelope(SES_ERRORS[error.type].status, SES_ERRORS[error.type].code, error.message),
  internalError: (reason) => errorEnvelope(500, 'INTERNAL_ERROR', `The mock failed: ${reason}`),
};
