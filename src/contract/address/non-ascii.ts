/**
 * Where text first leaves 7-bit ASCII. SES does not support SMTPUTF8, so several address rules
 * turn on this one question; in UTF-16, any code unit from U+0080 up is outside ASCII.
 */
const NON_ASCII = /[\u0080-\uffff]/;

/** Index of the first non-ASCII character, or -1. */
export function firstNonAscii(text: string): number {
  return text.search(NON_ASCII);
}

export function hasNonAscii(text: string): boolean {
  return NON_ASCII.test(text);
}
