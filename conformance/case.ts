/**
 * A conformance case: one request to send, as plain JSON data so it can be printed, written to a
 * replay file and sent again. Invalid cases also say which rule they break and which rule ids the
 * rules engine (the oracle) reports for them.
 */
import { boundedMemo } from '../src/contract/bounded-memo.ts';
import { OPERATION_TABLE, type Operation } from '../src/contract/operations.ts';
import type { RuleId } from '../src/contract/rule-catalog.ts';

export type { Operation };

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

/**
 * Body texts of the cases serialized so far: sending a case and handing it to the coverage thread
 * both need its text, and a case is a value nobody changes once generated (fast-check shrinks it).
 */
const bodyTexts = new WeakMap<ConformanceCase, string>();

export function caseBodyText(c: ConformanceCase): string {
  if (c.text !== undefined) return c.text;
  let text = bodyTexts.get(c);
  if (text === undefined) {
    text = JSON.stringify(c.body);
    // `JSON.stringify` of an absent body gives no text: nothing to keep.
    if (text !== undefined) bodyTexts.set(c, text);
  }
  return text;
}

/**
 * The request headers of a case, as `Headers` would list them (names in order, values trimmed of
 * HTTP whitespace). Every header is ASCII: bodies carry the Unicode, never headers.
 */
export function caseHeaders(c: ConformanceCase): Record<string, string> {
  const contentType =
    c.contentType === undefined ? 'application/json' : c.contentType.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  return { accept: 'application/json', 'content-type': contentType };
}

/** Origin and base path of a base URL: a run asks for it thousands of times. */
const operationBase = boundedMemo(
  (baseUrl) => {
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/$/, '')}`;
  },
  { entries: 64, keyLength: 2048 },
);

/** The operation's URL under `baseUrl`, keeping a base path (a gateway prefix such as `/prod`). */
export function operationUrl(baseUrl: string, operation: Operation): string {
  return `${operationBase(baseUrl)}${OPERATION_TABLE[operation].path}`;
}
