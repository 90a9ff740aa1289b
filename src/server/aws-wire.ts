/**
 * The aws wire profile: real SES REST-JSON bodies (C-A1, C-A2) and errors typed in
 * `x-amzn-ErrorType` with a JSON `message` (C-A3), which is what the AWS SDK reads to pick the
 * exception class it throws. Every invalid request is a `BadRequestException`, whatever its status.
 */

import { jsonResponse, type MockResponse } from './mock-response.ts';
import { SES_ERRORS } from './ses-errors.ts';
import { violationMessage } from './violation-summary.ts';
import type { WireProfile } from './wire-profile.ts';

function awsError(status: number, type: string, message: string): MockResponse {
  return jsonResponse(status, { message }, { 'x-amzn-ErrorType': type });
}

export const awsWire: WireProfile = {
  name: 'aws',
  perEntryBulkResults: true,
  sendEmailAccepted: (id) => jsonResponse(200, { MessageId: id }),
  sendBulkEmailAccepted: (_id, _createdAt, entries) =>
    jsonResponse(200, {
      BulkEmailEntryResults: entries.map((e) =>
        e.status === 'SUCCESS'
          ? { Status: e.status, MessageId: e.messageId }
          : { Status: e.status, Error: e.error },
      ),
    }),
  invalid: (violations) => awsError(400, 'BadRequestException', violationMessage(violations)),
  tooLarge: (limit) =>
    awsError(413, 'BadRequestException', `The request body is over the limit of ${limit} bytes.`),
  unsupportedMediaType: (contentType) =>
    awsError(415, 'BadRequestException', `Send the body as application/json, not ${contentType}.`),
  notFound: (method, path) =>
    awsError(404, 'UnknownOperationException', `No operation for ${method} ${path}`),
  templateNotFound: (templateName) =>
    awsError(404, 'NotFoundException', `Template ${templateName} does not exist.`),
  methodNotAllowed: (method, path, allow) => {
    const response = awsError(
      405,
      'MethodNotAllowedException',
      `${path} does not accept ${method}; use ${allow.join(', ')}.`,
    );
    return { ...response, headers: { ...response.headers, allow: allow.join(', ') } };
  },
  sesError: (error) => awsError(SES_ERRORS[error.type].status, error.type, error.message),
  internalError: (reason) => awsError(500, 'InternalFailure', `The mock failed: ${reason}`),
};
