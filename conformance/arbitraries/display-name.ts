/**
 * Display names: ASCII atom phrases, quoted strings, and RFC 2047 B and Q encoded-words of Unicode
 * names, all of which SES's parser accepts; names with an unquoted special SES's parser refuses
 * (C-ADDR1); and the Unicode name written raw (C-ADDR8, ADVISE: SES accepts it and mangles the
 * name, so no conformance case holds one, either way).
 */
import fc from 'fast-check';

const ASCII_NAMES = ['Alice', 'Bob', 'Carol Smith', 'Dave O', 'Support Team', 'J R R'];
const UNICODE_NAMES = ['Jürgen Müller', 'Zoë', 'Ελένη', 'Иван Петров', '山田太郎', 'محمد', 'राम', 'Søren 😀'];

const utf8 = new TextEncoder();

function base64OfUtf8(text: string): string {
  let binary = '';
  for (const byte of utf8.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** RFC 2047 Q encoding: only letters and digits stay literal, space becomes `_`. */
function qEncode(text: string): string {
  let out = '';
  for (const byte of utf8.encode(text)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9]/.test(c)) out += c;
    else if (c === ' ') out += '_';
    else out += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function encodedWord(text: string, encoding: 'B' | 'Q'): string {
  return encoding === 'B' ? `=?UTF-8?B?${base64OfUtf8(text)}?=` : `=?UTF-8?Q?${qEncode(text)}?=`;
}

export const validDisplayName: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: fc.constantFrom(...ASCII_NAMES), weight: 3 },
  { arbitrary: fc.constantFrom(...ASCII_NAMES).map((n) => `"${n}, Jr. (\\"x\\")"`), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...UNICODE_NAMES), fc.constantFrom('B' as const, 'Q' as const))
      .map(([n, e]) => encodedWord(n, e)),
    weight: 2,
  },
);

/**
 * C-ADDR8 ADVISE: a non-ASCII name written raw instead of as encoded-words. Never in a conformance
 * case (SES accepts it); for the engine's advice and the SES-parser agreement figures.
 */
export const rawUnicodeDisplayName: fc.Arbitrary<string> = fc.constantFrom(...UNICODE_NAMES);

/**
 * C-ADDR1: a display name with an unquoted special that SES's parser refuses ("Illegal address",
 * "Illegal semicolon, not in group", "Missing ')'", "Missing '\"'", …). Left out: `@`, `[`, `]`
 * and `.`, which the contract lists or RFC 5322 forbids but SES's parser takes in a name, and a
 * balanced `(…)`, a comment (C-ADDR9, OPEN).
 */
export const unquotedSpecialDisplayName: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('Bob', 'Carol', 'Support'),
    fc.constantFrom(',', ';', ':', '(', ')', '"', '<', '>'),
    fc.constantFrom('', ' '),
    fc.constantFrom('Smith', 'Team', 'Jr'),
  )
  .map(([first, special, space, last]) => `${first}${space}${special}${space}${last}`);
