/**
 * The API's two operations, said once: the id the CLI, reports and replay files use, SES's name
 * (what the mock stores and the aws wire names), the spec's operationId, the request path and the
 * request schema. `operations.test.ts` holds the table to the spec documents, so a path or schema
 * renamed there fails a test instead of a mock route.
 */

export type Operation = 'send-email' | 'send-bulk-email';

export const OPERATIONS: readonly Operation[] = ['send-email', 'send-bulk-email'];

/** SES's name of an operation. */
export type OperationName = 'SendEmail' | 'SendBulkEmail';

export type OperationEntry = {
  name: OperationName;
  operationId: string;
  /** Every operation is a POST to this path. */
  path: string;
  requestSchema: 'SendEmailRequest' | 'SendBulkEmailRequest';
};

export const OPERATION_TABLE: Readonly<Record<Operation, OperationEntry>> = {
  'send-email': {
    name: 'SendEmail',
    operationId: 'sendEmail',
    path: '/v2/email/outbound-emails',
    requestSchema: 'SendEmailRequest',
  },
  'send-bulk-email': {
    name: 'SendBulkEmail',
    operationId: 'sendBulkEmail',
    path: '/v2/email/outbound-bulk-emails',
    requestSchema: 'SendBulkEmailRequest',
  },
};
