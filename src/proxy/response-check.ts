/**
 * Was the target's answer to a proxied request the one the profile prescribes? Checked by the
 * conformance suite's own checks: a valid request must be accepted as C-W1 / C-A1 / C-A2 say, an
 * invalid one rejected as C-W2 / C-W3 / C-A3 / C-A5 say, so the proxy and `conform` never disagree.
 */
import type { ConformanceCase } from '../../conformance/case.ts';
import { checkAccepted } from '../../conformance/properties/check-accepted.ts';
import { checkRejected, type RejectedContext } from '../../conformance/properties/check-rejected.ts';
import { MAY_BE_NOT_FOUND } from '../../conformance/properties/invalid-rule-is-rejected.ts';
import type { Problem } from '../../conformance/properties/problem.ts';
import type { Exchange } from '../../conformance/transport/exchange.ts';
import type { PlainResponse } from '../../conformance/transport/transport.ts';
import { refusedEntries } from '../contract/bulk-entry-reporting.ts';
import type { Operation } from '../contract/operations.ts';
import type { WireProfileName } from '../server/wire-profile.ts';
import type { CheckedRequest } from './request-check.ts';

/**
 * Answers a valid request may get without breaking a wire rule: 404 for a stored template the
 * target does not hold, 429 for a send over the rate (C-A6).
 */
const NOT_CHECKED_FOR_VALID = new Set([404, 429]);

/** The error types by which a target says "this request is malformed", as opposed to account state. */
const VALIDATION_TYPES: ReadonlySet<string> = new Set([
  'BadRequestException',
  'ValidationException',
  'SerializationException',
]);

/**
 * Whether an error answer calls the request itself invalid. Real SES also refuses well-formed
 * requests for reasons of account and identity state (MessageRejected for an unverified sender,
 * SendingPausedException, AccountSuspendedException, 5xx, …); on traffic the proxy only watches,
 * those are not the target blaming a valid request, so only a validation refusal is checked.
 */
function refusesAsInvalid(response: PlainResponse, json: unknown, profile: WireProfileName): boolean {
  if (response.status !== 400) return false;
  const body = (json ?? {}) as { error?: { code?: unknown }; __type?: unknown; code?: unknown };
  if (profile === 'documented')
    return body.error?.code === undefined || body.error.code === 'VALIDATION_ERROR';
  const raw = response.headers['x-amzn-errortype'] ?? body.__type ?? body.code;
  if (typeof raw !== 'string') return true;
  const type = raw.replace(/^.*#/, '').replace(/:.*$/, '');
  return VALIDATION_TYPES.has(type);
}

/** The answer's body as JSON, or undefined when it is not JSON. */
export function answerJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * aws bulk: the entries the violations are about, when they are all entry defects (C-A5). Each
 * such entry may be answered on its own, so a request with several is checked per entry too:
 * checking it by its first bad entry alone would blame a target that answers every one of them.
 */
function badEntries(checked: CheckedRequest): RejectedContext['badEntries'] {
  if (checked.entries === undefined) return undefined;
  const indices = refusedEntries(checked.violations);
  return indices && indices.size > 0
    ? { indices: [...indices].sort((a, b) => a - b), entries: checked.entries }
    : undefined;
}

export function checkResponse(
  operation: Operation,
  checked: CheckedRequest,
  response: PlainResponse,
  profile: WireProfileName,
): Problem | undefined {
  const json = answerJson(response.body);
  // The checks read the answer only; the request they see is the case (the body already parsed).
  const exchange: Exchange = {
    case: { operation, body: checked.body } satisfies ConformanceCase,
    request: { method: 'POST', url: '', headers: {}, body: '' },
    response: json === undefined ? response : { ...response, json },
    durationMs: 0,
  };
  const first = checked.violations[0];
  const lenient = checked.unreported[0];
  // Breaking only SHOULD rules outside strict mode: accepting and rejecting are both conformant.
  if (!first && lenient && (response.status < 200 || response.status >= 300)) {
    return checkRejected(exchange, {
      profile,
      breaks: lenient.rule,
      alsoAllowed: [413, 415, 404],
      alsoAllowedTypes: ['SerializationException', 'ValidationException', 'UnsupportedMediaTypeException'],
    });
  }
  if (!first) {
    if (NOT_CHECKED_FOR_VALID.has(response.status)) return undefined;
    const refused = response.status < 200 || response.status >= 300;
    if (refused && !refusesAsInvalid(response, json, profile)) return undefined;
    return checkAccepted(exchange, {
      profile,
      operation,
      ...(checked.entries === undefined ? {} : { entries: checked.entries }),
    });
  }
  const rules = new Set(checked.violations.map((v) => v.rule));
  const entries = profile === 'aws' ? badEntries(checked) : undefined;
  const mediaType = checked.violations.some((v) => v.rule === 'C-REQ2' && v.clause === 'media-type');
  // As in the conformance properties: a rule about a stored template may be answered 404.
  const notFound = checked.violations.some(
    (v) => MAY_BE_NOT_FOUND.includes(v.rule) || MAY_BE_NOT_FOUND.includes(`${v.rule}.${v.clause}`),
  );
  return checkRejected(exchange, {
    profile,
    breaks: first.rule,
    alsoAllowed: [
      ...(rules.has('C-MIME9') ? [413] : []),
      ...(mediaType ? [415] : []),
      ...(notFound ? [404] : []),
    ],
    alsoAllowedTypes: [
      'SerializationException',
      'ValidationException',
      ...(mediaType ? ['UnsupportedMediaTypeException'] : []),
      ...(notFound ? ['NotFoundException'] : []),
    ],
    ...(entries ? { badEntries: entries } : {}),
  });
}
