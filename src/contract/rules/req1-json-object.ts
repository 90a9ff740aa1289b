import { isJsonObject } from '../json-reading.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-REQ1 MUST. The body is a JSON object; malformed JSON, a JSON array, a string or `null` is
 * invalid. (Malformed JSON never reaches the engine: the transport reports it under this id.)
 */
export function checkJsonObject(body: unknown): Violation[] {
  if (isJsonObject(body)) return [];
  const got = body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`;
  return [violation('C-REQ1', '', `the body must be a JSON object, got ${got}`)];
}
