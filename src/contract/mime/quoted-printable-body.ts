/**
 * Validity of a `Content-Transfer-Encoding: quoted-printable` body (RFC 2045 §6.7): printable ASCII,
 * space and tab as they are; `=` only as `=XX` (two hex digits) or as a soft line break at the end of
 * a line (transport padding after it is allowed). Hex digits are accepted in either case, as RFC 2045
 * asks robust decoders to. The 76-character line limit is left out: long lines are C-MIME3's.
 */
import { LineReader } from './line-reader.ts';

/** Why `body` is not valid quoted-printable, or undefined when it is. */
export function quotedPrintableProblem(body: Uint8Array): string | undefined {
  const reader = new LineReader(body);
  while (reader.advance()) {
    for (let i = reader.start; i < reader.end; i++) {
      const c = body[i] as number;
      if (c === 0x3d) {
        if (isHex(body[i + 1]) && isHex(body[i + 2]) && i + 2 < reader.end) {
          i += 2;
          continue;
        }
        let rest = i + 1;
        while (rest < reader.end && (body[rest] === 0x20 || body[rest] === 0x09)) rest++;
        if (rest === reader.end) break;
        return `"=" not followed by two hex digits on body line ${reader.number}`;
      }
      if ((c < 0x21 || c > 0x7e) && c !== 0x20 && c !== 0x09) {
        return `octet 0x${c.toString(16).padStart(2, '0')} on body line ${reader.number} must be encoded as =XX`;
      }
    }
  }
  return undefined;
}

function isHex(c: number | undefined): boolean {
  return (
    c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))
  );
}
