/**
 * Types for the RFC 3492 codec that tr46 depends on (`punycode` 2.x ships no types). Only what the
 * address rules use. Both functions throw a RangeError on input they cannot process.
 */
declare module 'punycode/punycode.js' {
  const punycode: {
    /** Punycode (the part after `xn--`) to Unicode. */
    decode(input: string): string;
    /** Unicode to Punycode, without the `xn--` prefix. */
    encode(input: string): string;
  };
  export default punycode;
}
