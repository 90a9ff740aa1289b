/**
 * Strict standard base64 (RFC 4648 §4): alphabet `A–Z a–z 0–9 + /`, length a multiple of 4, at most
 * two `=` at the end, and unused bits of the last symbol zero. `atob` forgives whitespace and missing
 * padding, which SES does not promise to, so the text is checked before it is decoded. Runs in Node
 * and in browsers (no Buffer).
 */
const STRICT_BASE64 = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export type Base64Problem = { offset: number; reason: string };

/** Why `text` is not strict base64, or undefined when it is. */
export function base64Problem(text: string): Base64Problem | undefined {
  if (text.length % 4 !== 0) {
    return { offset: text.length, reason: `its length ${text.length} is not a multiple of 4` };
  }
  if (!STRICT_BASE64.test(text)) {
    const offset = text.search(/[^A-Za-z0-9+/=]|=(?=[^=])/);
    const at = offset === -1 ? text.indexOf('=') : offset;
    const char = text.charCodeAt(at);
    const shown =
      char >= 0x21 && char <= 0x7e
        ? `'${text[at]}'`
        : `U+${char.toString(16).toUpperCase().padStart(4, '0')}`;
    return { offset: at, reason: `${shown} at offset ${at} is not allowed there` };
  }
  // Non-canonical encodings (e.g. "QR==") decode, but encode back differently: RFC 4648 §3.5.
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (padding > 0) {
    const last = ALPHABET.indexOf(text.charAt(text.length - padding - 1));
    const unusedBits = padding === 2 ? 0b1111 : 0b11;
    if ((last & unusedBits) !== 0) {
      return { offset: text.length - padding - 1, reason: 'the last symbol has non-zero padding bits' };
    }
  }
  return undefined;
}

/** Decodes text that `base64Problem` accepted. */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
