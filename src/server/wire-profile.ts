/**
 * A wire profile (spec/RULES.md section 1): how accepted and rejected requests look on the wire.
 * The mock decides *what* happened; a profile decides *how it is written*.
 */
import type { WireProfileName } from '../contract/schema/spec-documents.ts';
import type { Violation } from '../contract/violation.ts';
import type { MockResponse } from './mock-response.ts';
import type { SesError } from './ses-errors.ts';

export type { WireProfileName };

/** Outcome of one SendBulkEmail entry (C-A2, C-A5). */
export type BulkEntryOutcome =
  | { status: 'SUCCESS'; messageId: string }
  | {
      status: 'MESSAGE_REJECTED' | 'INVALID_PARAMETER' | 'ACCOUNT_THROTTLED' | 'ACCOUNT_DAILY_QUOTA_EXCEEDED';
      error: string;
    };

export type WireProfile = {
  name: WireProfileName;
  /**
   * Whether a bulk request whose only violations are per-entry (C-BULK3, C-BULK4) is answered entry
   * by entry (aws, like real SES) rather than rejected whole (documented: one id per request).
   */
  perEntryBulkResults: boolean;
  /** `createdAt` is ISO 8601 (`Date#toISOString`), formatted once for the answer and the store. */
  sendEmailAccepted(id: string, createdAt: string): MockResponse;
  sendBulkEmailAccepted(id: string, createdAt: string, entries: readonly BulkEntryOutcome[]): MockResponse;
  invalid(violations: readonly Violation[]): MockResponse;
  tooLarge(limitBytes: number): MockResponse;
  unsupportedMediaType(contentType: string): MockResponse;
  notFound(method: string, path: string): MockResponse;
  /** A stored template (`TemplateName` / `TemplateArn`) the mock does not hold (404). */
  templateNotFound(templateName: string): MockResponse;
  methodNotAllowed(method: string, path: string, allow: readonly string[]): MockResponse;
  /** An SES error that is not a broken request rule: C-ID1/C-ID2, C-A6, a forced error. */
  sesError(error: SesError): MockResponse;
  /** The mock itself failed: never the answer to a bad request (C-W3), only to a bug of ours. */
  internalError(reason: string): MockResponse;
};
