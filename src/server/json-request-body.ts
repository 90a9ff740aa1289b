/**
 * Turning request bytes into a JSON value the rules engine may see. Two defences come before
 * `JSON.parse`: the bytes must be UTF-8 (a lone invalid byte would otherwise become U+FFFD and be
 * accepted), and nesting is bounded, because no valid request nests deeper than 8 levels while a
 * 1 MiB `[[[[…` would make every recursive walker behind the parser overflow its stack.
 */
import { type Violation, violation } from '../contract/violation.ts';
import { jsonSyntaxError } from './json-syntax-error.ts';

/** Deeper than any valid SendEmail / SendBulkEmail body, by a wide margin. */
export const MAX_JSON_DEPTH = 64;

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; violation: Violation };

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of objects and arrays in JSON text, stopping early past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return deepest;
}

/**
 * How many `{` and `[` the text holds anywhere (inside strings too), stopping past `limit`: no
 * deeper nesting is possible, and native `indexOf` finds that out faster than the walk above.
 */
function openings(text: string, limit: number): number {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
      if (++count > limit) return count;
    }
  }
  return count;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readJsonBody(bytes: Uint8Array): JsonBodyResult {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      ok: false,
      violation: violation('C-REQ1', '', 'the body is not valid UTF-8, so it is not JSON'),
    };
  }
  if (
    openings(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH &&
    nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH
  ) {
    return {
      ok: false,
      violation: violation(
        'C-REQ2',
        '',
        `the body nests deeper than ${MAX_JSON_DEPTH} levels; no request member does`,
      ),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // Where the text breaks, as `validate` prints it for a file: the same words from the mock,
    // the MSW handlers, the proxy and the CLI.
    const reason = text.trim() === '' ? 'the body is empty' : jsonSyntaxError(text, error as Error);
    return { ok: false, violation: violation('C-REQ1', '', `the body is not JSON: ${reason}`) };
  }
}
