/**
 * Finding and naming the character that makes a value fail its character set, so a message can say
 * "':' (U+003A) at position 6" instead of quoting a regex at the person who sent it.
 */

/** A pattern that is one character class repeated: `^[…]+$`, `^[…]*$`, `^[…]{1,64}$`. */
const REPEATED_CLASS = /^\^(\[(?:\\.|[^\]\\])+\])(?:[*+?]|\{\d+(?:,\d*)?\})\$$/;

const NAMED: Readonly<Record<string, string>> = {
  '\r': 'CR',
  '\n': 'LF',
  '\t': 'TAB',
  '\0': 'NUL',
  ' ': 'a space',
  '\u007f': 'DEL',
};

/** `':' (U+003A)`, `CR (U+000D)`, `'é' (U+00E9)`. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const named = NAMED[character] ?? (code < 0x20 ? 'a control character' : undefined);
  return named ? `${named} (${hex})` : `'${character}' (${hex})`;
}

/**
 * The first character of `value` outside the allowed set, with its 1-based position (in
 * characters), for a pattern of one repeated character class; undefined when the pattern has
 * another shape or every character is allowed (then the length is what failed).
 */
export function firstCharacterOutside(
  pattern: string,
  value: string,
): { character: string; position: number } | undefined {
  const shape = REPEATED_CLASS.exec(pattern);
  if (!shape) return undefined;
  return firstNotIn(new RegExp(`^${shape[1] as string}$`, 'u'), value);
}

/** The first character of `value` that `allowed` (one character) does not match, 1-based. */
export function firstNotIn(
  allowed: RegExp,
  value: string,
): { character: string; position: number } | undefined {
  let position = 0;
  for (const character of value) {
    position++;
    if (!allowed.test(character)) return { character, position };
  }
  return undefined;
}
