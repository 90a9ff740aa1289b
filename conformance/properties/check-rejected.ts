/**
 * Was an invalid request rejected the way the profile says? Documented: 400 with the error
 * envelope and `VALIDATION_ERROR` (C-W2, C-W3; 413 / 415 where the rule allows). AWS: 400 with
 * error type `BadRequestException` or `MessageRejected` in the header or body (C-A3). Never 2xx,
 * never 5xx. A bulk entry defect may instead be answered per entry (C-A5).
 */
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import { specSchema } from '../../src/contract/schema/spec-ajv.ts';
import type { WireProfileName } from '../../src/contract/schema/spec-documents.ts';
import type { Exchange } from '../transport/exchange.ts';
import { type Problem, received } from './problem.ts';

export type RejectedContext = {
  profile: WireProfileName;
  /** The rule the request breaks: an accepting answer is reported under it. */
  breaks: RuleId;
  /** Statuses allowed besides 400 (413 for C-MIME9, 415 for a wrong media type). */
  alsoAllowed?: readonly number[];
  /** AWS error types allowed besides BadRequestException / MessageRejected. */
  alsoAllowedTypes?: readonly string[];
  /**
   * Bulk, aws: the entries carrying C-BULK3 / C-BULK4 defects (and nothing else wrong), and how
   * many entries there are. The suite sends one bad entry; proxied traffic may hold several.
   */
  badEntries?: { indices: readonly number[]; entries: number };
};

const AWS_REJECTION_TYPES = ['BadRequestException', 'MessageRejected'];

/** `ns#Type:suffix` → `Type` (Smithy restJson1 error type forms). */
export function awsErrorType(exchange: Exchange): string | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  const json = response.json as { __type?: unknown; code?: unknown } | undefined;
  const raw =
    response.headers['x-amzn-errortype'] ??
    (typeof json?.__type === 'string' ? json.__type : typeof json?.code === 'string' ? json.code : undefined);
  return raw?.split('#').pop()?.split(':')[0];
}

function perEntryProblem(exchange: Exchange, context: RejectedContext): Problem | undefined {
  const { indices, entries } = context.badEntries as NonNullable<RejectedContext['badEntries']>;
  const results = (exchange.response?.json as { BulkEmailEntryResults?: unknown })?.BulkEmailEntryResults;
  if (!Array.isArray(results) || results.length !== entries) {
    return {
      rule: 'C-A2',
      message: `answered 200 without one result per entry (${Array.isArray(results) ? results.length : 'no'} results for ${entries} entries). Received: ${received(exchange)}`,
    };
  }
  const statuses = results.map((r) => (r as { Status?: unknown })?.Status);
  const passed = indices.find((index) => statuses[index] === 'SUCCESS');
  if (passed !== undefined) {
    return {
      rule: context.breaks,
      message: `entry ${passed} breaks ${context.breaks} but its result is SUCCESS. Expected: the whole request rejected (400), or that entry's Status other than SUCCESS (C-A5).`,
    };
  }
  const wrong = statuses.findIndex((s, i) => !indices.includes(i) && s !== 'SUCCESS');
  if (wrong >= 0) {
    const invalid =
      indices.length === 1 ? `only entry ${indices[0]} is` : `only entries ${indices.join(', ')} are`;
    return {
      rule: 'C-A5',
      message: `${invalid} invalid, yet entry ${wrong} has Status ${String(statuses[wrong])} (results out of entry order?). Statuses: ${JSON.stringify(statuses)}`,
    };
  }
  return undefined;
}

export function checkRejected(exchange: Exchange, context: RejectedContext): Problem | undefined {
  const response = exchange.response;
  const wire: RuleId = context.profile === 'documented' ? 'C-W3' : 'C-A3';
  if (!response) {
    return { rule: wire, message: `an invalid request (${context.breaks}) got no answer: ${exchange.error}` };
  }
  const { status } = response;
  if (status >= 200 && status < 300) {
    if (context.profile === 'aws' && context.badEntries && status === 200)
      return perEntryProblem(exchange, context);
    return {
      rule: context.breaks,
      message: `a request that breaks ${context.breaks} was accepted. Received: ${received(exchange)}. Expected: 400.`,
    };
  }
  const allowed = [400, ...(context.alsoAllowed ?? [])];
  if (!allowed.includes(status)) {
    return {
      rule: wire,
      message: `a request that breaks ${context.breaks} got ${status}. Received: ${received(exchange)}. Expected: ${allowed.join(' or ')}${status >= 500 ? ' (never 5xx)' : ''}.`,
    };
  }
  if (context.profile === 'documented') {
    const validate = specSchema('documented', 'ErrorEnvelope');
    if (!validate(response.json)) {
      return {
        rule: 'C-W2',
        message: `the error body is not the error envelope {"success":false,"error":{"code","message"}}. Received: ${received(exchange)}`,
      };
    }
    const code = (response.json as { error: { code: string } }).error.code;
    if (status === 400 && code !== 'VALIDATION_ERROR') {
      return { rule: 'C-W3', message: `400 with error.code ${code}. Expected: VALIDATION_ERROR.` };
    }
    return undefined;
  }
  const validate = specSchema('aws', 'AwsError');
  if (!validate(response.json)) {
    return {
      rule: 'C-A3',
      message: `${response.json === undefined ? 'the error body is not JSON with message/Message' : 'the error body is JSON without a string message/Message member (the aws error shape)'}. Received: ${received(exchange)}`,
    };
  }
  const type = awsErrorType(exchange);
  const types = [...AWS_REJECTION_TYPES, ...(context.alsoAllowedTypes ?? [])];
  if (status === 400 && (!type || !types.includes(type))) {
    return {
      rule: 'C-A3',
      message: `400 with error type ${type ?? '(none: no x-amzn-ErrorType header, __type or code)'}. Expected: ${types.join(' or ')}.`,
    };
  }
  return undefined;
}
