/**
 * A conformance case: one request to send, as plain JSON data so it can be printed, written to a
 * replay file and sent again. Invalid cases also say which rule they break and which rule ids the
 * rules engine (the oracle) reports for them.
 */
import type { Operation } from '../src/contract/infer-operation.ts';
import type { RuleId } from '../src/contract/rule-catalog.ts';

export type { Operation };

export const OPERATIONS: readonly Operation[] = ['send-email', 'send-bulk-email'];

export type ConformanceCase = {
  operation: Operation;
  /** The JSON body; ignored when `text` is given. */
  body?: unknown;
  /** The body as raw text, for cases about the bytes themselves (malformed JSON). */
  text?: string;
  /** Default `application/json`. */
  contentType?: string;
};

export type InvalidCase = ConformanceCase & {
  /** The one rule the case breaks. */
  breaks: RuleId;
  /** Rule ids the engine reports for it (the broken rule, or the rule it is reported under). */
  reportedAs: RuleId[];
  /** Bulk only: the entry that carries the defect, when it is an entry defect (C-A5). */
  badEntry?: number;
};

export const OPERATION_PATHS: Readonly<Record<Operation, string>> = {
  'send-email': '/v2/email/outbound-emails',
  'send-bulk-email': '/v2/email/outbound-bulk-emails',
};

export function caseBodyText(c: ConformanceCase): string {
  return c.text ?? JSON.stringify(c.body);
}

/**
 * The request headers of a case, as `Headers` would list them (names in order, values trimmed of
 * HTTP whitespace). Every header is ASCII: bodies carry the Unicode, never headers.
 */
export function caseHeaders(c: ConformanceCase): Record<string, string> {
  const contentType = (c.contentType ?? 'application/json').replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  return { accept: 'application/json', 'content-type': contentType };
}

/** The operation's URL under `baseUrl`, keeping a base path (a gateway prefix such as `/prod`). */
export function operationUrl(baseUrl: string, operation: Operation): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname.replace(/\/$/, '')}${OPERATION_PATHS[operation]}`;
}
