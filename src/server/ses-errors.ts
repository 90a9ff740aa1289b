/**
 * The SES errors the mock can answer besides a broken contract rule (reference §4, §7.4–7.5): an
 * unverified identity (C-ID1/C-ID2), throttling (C-A6) and the ones a client forces to build its
 * error states. Each has the status SES gives it, its aws type (`x-amzn-ErrorType`) and the
 * documented profile's `error.code` (C-W2: UPPER_SNAKE).
 */
export const SES_ERRORS = {
  MessageRejected: { status: 400, code: 'MESSAGE_REJECTED' },
  MailFromDomainNotVerifiedException: { status: 400, code: 'MAIL_FROM_DOMAIN_NOT_VERIFIED' },
  AccountSuspendedException: { status: 400, code: 'ACCOUNT_SUSPENDED' },
  SendingPausedException: { status: 400, code: 'SENDING_PAUSED' },
  LimitExceededException: { status: 400, code: 'LIMIT_EXCEEDED' },
  TooManyRequestsException: { status: 429, code: 'TOO_MANY_REQUESTS' },
  NotFoundException: { status: 404, code: 'NOT_FOUND' },
  // A bad request in the documented profile is C-W3's VALIDATION_ERROR.
  BadRequestException: { status: 400, code: 'VALIDATION_ERROR' },
  InternalFailure: { status: 500, code: 'INTERNAL_ERROR' },
  ServiceUnavailable: { status: 503, code: 'SERVICE_UNAVAILABLE' },
} as const satisfies Record<string, { status: number; code: string }>;

export type SesErrorType = keyof typeof SES_ERRORS;

export const SES_ERROR_TYPES = Object.keys(SES_ERRORS) as SesErrorType[];

export function isSesErrorType(name: string): name is SesErrorType {
  return Object.hasOwn(SES_ERRORS, name);
}

/** An SES error the mock decided on: what the wire profile writes. */
export type SesError = { type: SesErrorType; message: string };

/** The message SES gives each error when a client forces it (the texts SES uses where one is known). */
export const FORCED_ERROR_MESSAGES: Record<SesErrorType, string> = {
  MessageRejected: 'Email address is not verified. (forced by the Prefer header)',
  MailFromDomainNotVerifiedException: 'The MAIL FROM domain is not verified. (forced by the Prefer header)',
  AccountSuspendedException: 'Your account has been suspended. (forced by the Prefer header)',
  SendingPausedException: 'Sending is paused for this account. (forced by the Prefer header)',
  LimitExceededException: 'The limit has been exceeded. (forced by the Prefer header)',
  TooManyRequestsException: 'Maximum sending rate exceeded.',
  NotFoundException: 'The resource was not found. (forced by the Prefer header)',
  BadRequestException: 'The request is invalid. (forced by the Prefer header)',
  InternalFailure:
    'The request processing has failed because of an unknown error. (forced by the Prefer header)',
  ServiceUnavailable: 'Service Unavailable. (forced by the Prefer header)',
};
