import { base64Problem } from '../base64.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-MIME1 MUST. `Data` is standard base64 (RFC 4648 alphabet, correct padding, no other
 * characters).
 *
 * Line breaks count as "other characters": unlike the base64 bodies inside MIME (C-MIME10), the JSON
 * blob is one unwrapped base64 string.
 */
export function checkRawDataBase64(data: string, path: string): Violation[] {
  const problem = base64Problem(data);
  if (!problem) return [];
  return [violation('C-MIME1', path, `Data is not strict base64: ${problem.reason}`)];
}
