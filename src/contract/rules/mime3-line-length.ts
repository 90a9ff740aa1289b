import { LineReader } from '../mime/line-reader.ts';
import { entityAt, entityPointer, type RawMessage } from '../mime/mime-entity.ts';
import { type Violation, violation } from '../violation.ts';

export const MAX_LINE_OCTETS = 998;

/**
 * C-MIME3 MUST. No line longer than 998 octets, not counting the line ending.
 *
 * One violation per message: the first long line (path of the part holding it) and a count of the rest.
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
      `line ${first.line} is ${first.length} octets long; at most ${MAX_LINE_OCTETS} are allowed before the line ending${more}`,
    ),
  ];
}
