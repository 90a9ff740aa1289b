/**
 * Length limits in the address rules count octets on the wire (RFC 5321 §4.5.3.1), not UTF-16 code
 * units, so 'ü' counts two.
 */
const encoder = new TextEncoder();

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is every ASCII character
const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function utf8Octets(text: string): number {
  // Nearly every address is ASCII, where octets and code units agree; skip the encoder's copy.
  if (ASCII_ONLY.test(text)) return text.length;
  return encoder.encode(text).length;
}
