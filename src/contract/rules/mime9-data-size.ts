import { type Violation, violation } from '../violation.ts';

/** 40 MiB of base64 text (reference R15). */
export const MAX_RAW_DATA_CHARS = 41_943_040;

/**
 * C-MIME9 MUST. The base64 text of `Data` is at most 40 MiB (41,943,040 characters); a larger
 * request is rejected (400 or 413), never accepted and never a crash.
 *
 * Checked before anything else, on the length alone: an oversized message is never decoded.
 */
export function checkRawDataSize(data: string, path: string): Violation[] {
  if (data.length <= MAX_RAW_DATA_CHARS) return [];
  return [
    violation(
      'C-MIME9',
      path,
      `the raw message is ${data.length} base64 characters; at most ${MAX_RAW_DATA_CHARS} (40 MiB) are allowed`,
    ),
  ];
}
