/**
 * What the engine says of one proxied SendEmail / SendBulkEmail request: its violations (MUST, and
 * SHOULD under strict, as `conform --strict`), read from the bytes the way the reference mock
 * reads them (UTF-8, bounded nesting, JSON), plus what the response check needs to know.
 */

import { arrayAt } from '../contract/json-reading.ts';
import type { Operation } from '../contract/operations.ts';
import { checkSendBulkEmail } from '../contract/validate-send-bulk-email.ts';
import { checkSendEmail } from '../contract/validate-send-email.ts';
import { type Violation, violation } from '../contract/violation.ts';
import { readJsonBody } from '../server/json-request-body.ts';
import { isJsonMediaType } from '../server/media-type.ts';

export type CheckedRequest = {
  /** What the proxy reports: MUST violations, and SHOULD ones under strict. */
  violations: Violation[];
  /**
   * SHOULD violations left unreported (not strict): the target may accept such a request or
   * reject it, so its answer is checked by shape only, never as one that must accept.
   */
  unreported: Violation[];
  /** The parsed body, when it is JSON. */
  body?: unknown;
  /** SendBulkEmail: how many entries the body holds. */
  entries?: number;
};

export type RequestToCheck = {
  operation: Operation;
  contentType: string | null;
  /** The body, or undefined when it grew past `limitBytes`. */
  bytes: Uint8Array | undefined;
  length: number;
  limitBytes: number;
  strict: boolean;
};

export function checkRequest(request: RequestToCheck): CheckedRequest {
  if (!request.bytes) {
    return {
      unreported: [],
      violations: [
        violation(
          'C-MIME9',
          '',
          `the body is ${request.length} bytes, over the limit of ${request.limitBytes} bytes (40 MiB of base64 and the JSON around it)`,
        ),
      ],
    };
  }
  const mediaType = isJsonMediaType(request.contentType)
    ? []
    : [
        violation(
          'C-REQ2.media-type',
          '',
          `the body is sent as ${request.contentType}, not application/json`,
        ),
      ];
  const parsed = readJsonBody(request.bytes);
  // Checked strictly always; what is reported depends on `strict`.
  const found = parsed.ok
    ? [
        ...mediaType,
        ...(request.operation === 'send-email' ? checkSendEmail : checkSendBulkEmail)(parsed.value, {
          strict: true,
        }).violations,
      ]
    : [...mediaType, parsed.violation];
  const reported = request.strict ? found : found.filter((v) => v.level === 'MUST');
  const unreported = request.strict ? [] : found.filter((v) => v.level !== 'MUST');
  if (!parsed.ok) return { violations: reported, unreported };
  const entries =
    request.operation === 'send-bulk-email' ? arrayAt(parsed.value, 'BulkEmailEntries')?.length : undefined;
  return {
    violations: reported,
    unreported,
    body: parsed.value,
    ...(entries === undefined ? {} : { entries }),
  };
}

export function breaksMust(checked: CheckedRequest): boolean {
  return checked.violations.some((v) => v.level === 'MUST');
}
