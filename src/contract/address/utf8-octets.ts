/**
 * Length limits in the address rules count octets on the wire (RFC 5321 §4.5.3.1), not UTF-16 code
 * units, so 'ü' counts two.
 */
const encoder = new TextEncoder();

export function utf8Octets(text: string): number {
  return encoder.encode(text).length;
}
