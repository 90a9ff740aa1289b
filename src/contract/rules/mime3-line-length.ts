import { LineReader } from '../mime/line-reader.ts';
import { entityAt, entityPointer, type RawMessage } from '../mime/mime-entity.ts';
import { type Violation, violation } from '../violation.ts';

export const MAX_LINE_OCTETS = 998;

/**
 * C-MIME3 ADVISE. No line longer than 998 octets, not counting the line ending. SES has been seen
 * to accept and deliver longer lines; receiving servers then bounce them.
 *
 * Advice, never a violation: one per message, at the first long line (path of the part holding
 * it), with a count of the rest.
 */
export function checkLineLength(message: RawMessage): Violation[] {
  const reader = new LineReader(message.bytes);
  let first: { line: number; start: number; length: number } | undefined;
  let others = 0;
  while (reader.advance()) {
    if (reader.length <= MAX_LINE_OCTETS) continue;
    if (first) others++;
    else first = { line: reader.number, start: reader.start, length: reader.length };
  }
  if (!first) return [];
  const more = others > 0 ? ` (and ${others} more lines over the limit)` : '';
  return [
    violation(
      'C-MIME3',
      entityPointer(message, entityAt(message.root, first.start)),
      `line ${first.line} is ${first.length} octets long${more}; SES sends it, but receiving servers may bounce lines over ${MAX_LINE_OCTETS} octets (fold headers, use quoted-printable or base64 bodies)`,
    ),
  ];
}
