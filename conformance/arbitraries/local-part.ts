/**
 * Local parts (C-ADDR2, C-ADDR3): dot-atoms over the full RFC 5322 `atext` set and quoted-strings
 * with escapes and spaces, up to the 64-octet boundary. Mostly plain lower-case letters, so shrunk
 * counterexamples read like real addresses. Valid local parts hold neither OPEN case of C-ADDR2:
 * no backslash outside quotes, no quoted-string whose last escaped character is a backslash.
 */
import fc from 'fast-check';

const ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const UPPER_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Letters 8 : upper case and digits 2 : specials 1. One integer underneath rather than a `oneof`
 * of three sets: it always shrinks to `a`, where a oneof could settle on `!` or `A`.
 */
const atextChar = fc.mapToConstant(
  { num: LETTERS.length * 8, build: (i) => LETTERS[i % LETTERS.length] as string },
  { num: LETTERS.length * 2, build: (i) => UPPER_AND_DIGITS[i % UPPER_AND_DIGITS.length] as string },
  { num: LETTERS.length, build: (i) => ATEXT_SPECIALS[i % ATEXT_SPECIALS.length] as string },
);

export const atom = (maxLength = 10): fc.Arbitrary<string> =>
  fc.string({ unit: atextChar, minLength: 1, maxLength });

/** `atext` runs joined by single dots. */
export const dotAtomLocalPart: fc.Arbitrary<string> = fc
  .array(atom(), { minLength: 1, maxLength: 3 })
  .map((atoms) => atoms.join('.'));

/** Printable ASCII inside quotes; `"` and `\` always escaped, other characters sometimes. */
const quotedUnit = fc.oneof(
  { withCrossShrink: true },
  {
    arbitrary: fc.constantFrom(...LETTERS, ' ', '@', ',', '(', ')', '<', '>', '[', ']', ':', ';', '.'),
    weight: 6,
  },
  { arbitrary: fc.constantFrom('\\"', '\\\\'), weight: 1 },
  { arbitrary: fc.constantFrom(...LETTERS).map((c) => `\\${c}`), weight: 1 },
);

export const quotedLocalPart: fc.Arbitrary<string> = fc
  .array(quotedUnit, { minLength: 1, maxLength: 12 })
  .map((units) => {
    // A quoted-string of spaces alone is legal but a corner nobody needs to argue about.
    const head = units[0] === ' ' ? 'x' : '';
    // `"a\\"`: C-ADDR2 leaves it OPEN (SES's parser refuses it as "Unterminated quote"), so a valid
    // quoted-string never ends with an escaped backslash.
    const tail = units.at(-1) === '\\\\' ? 'x' : '';
    return `"${head}${units.join('')}${tail}"`;
  });

/** A dot-atom of exactly 64 octets: the longest local part C-ADDR3 allows. */
export const longestLocalPart: fc.Arbitrary<string> = atom(20).map((head) => {
  const filler = 'x'.repeat(64 - head.length - 1);
  return `${head}.${filler}`;
});

export const validLocalPart: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: dotAtomLocalPart, weight: 6 },
  { arbitrary: quotedLocalPart, weight: 2 },
  { arbitrary: longestLocalPart, weight: 1 },
);

/** Non-ASCII characters of several scripts, for 8-bit local parts (C-ADDR2). */
export const nonAsciiChar = fc.constantFrom('é', 'ü', 'ß', 'ñ', 'ж', 'λ', '中', 'ا', 'ह', '😀');

function insertAt(base: string, inserted: string, at: number): string {
  const i = at % (base.length + 1);
  return `${base.slice(0, i)}${inserted}${base.slice(i)}`;
}

/** A local part that breaks C-ADDR2 and nothing else: one non-ASCII character in a short dot-atom. */
export const eightBitLocalPart: fc.Arbitrary<string> = fc
  .tuple(atom(8), nonAsciiChar, fc.nat())
  .map(([base, char, at]) => insertAt(base, char, at));

/** C-ADDR2: a space or a tab inside an unquoted local part (never at its edges: that is C-ADDR1's). */
export const whiteSpaceLocalPart: fc.Arbitrary<string> = fc
  .tuple(atom(6), fc.constantFrom(' ', '\t'), atom(6))
  .map(([a, space, b]) => `${a}${space}${b}`);

export const badDotsLocalPart: fc.Arbitrary<string> = fc
  .tuple(atom(8), atom(8), fc.constantFrom('leading', 'trailing', 'double'))
  .map(([a, b, kind]) => (kind === 'leading' ? `.${a}` : kind === 'trailing' ? `${a}.` : `${a}..${b}`));

/**
 * Specials that are legal only inside quotes. Left out: `(`/`)` (comments are C-ADDR9, OPEN),
 * `:`, `;`, `,`, `<`, `>`, `"`, `@` (they turn the value into group, list or name-addr syntax,
 * which is C-ADDR1's business) and `\\` (a backslash outside quotes is OPEN in C-ADDR2: SES's
 * parser accepts it).
 */
export const unescapedSpecialLocalPart: fc.Arbitrary<string> = fc
  .tuple(atom(6), fc.constantFrom('[', ']'), atom(6))
  .map(([a, special, b]) => `${a}${special}${b}`);

/** C-ADDR3 SHOULD: 65 octets, one over the limit, otherwise a clean dot-atom. */
export const tooLongLocalPart: fc.Arbitrary<string> = longestLocalPart.map((local) => `${local}y`);
