/**
 * Validity of a `Content-Transfer-Encoding: base64` body (RFC 2045 §6.8): base64 alphabet split into
 * lines, padding only at the very end, symbols a multiple of four. Line breaks are normal here (unlike
 * in the JSON `Data` blob); any other character, though decoders skip it, is not valid base64.
 */
const ALPHABET = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
  ALPHABET[c.charCodeAt(0)] = 1;

/** Why `body` is not valid line-wrapped base64, or undefined when it is. */
export function base64BodyProblem(body: Uint8Array): string | undefined {
  let symbols = 0;
  let padding = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as number;
    if (c === 0x0a || c === 0x0d) continue;
    if (c === 0x3d) {
      padding++;
    } else if (ALPHABET[c] === 1) {
      if (padding > 0) return `base64 data continues after "=" padding at body octet ${i}`;
      symbols++;
    } else {
      return `octet 0x${c.toString(16).padStart(2, '0')} at body octet ${i} is not base64`;
    }
  }
  if (padding > 2) return `the base64 data ends in ${padding} "=" (at most 2)`;
  if ((symbols + padding) % 4 !== 0)
    return `the base64 data has ${symbols + padding} symbols, not a multiple of 4`;
  return undefined;
}
