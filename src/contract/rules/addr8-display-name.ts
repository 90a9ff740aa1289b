import { encodedWordProblem, looksLikeEncodedWord, toEncodedWords } from '../address/encoded-word.ts';
import { firstNonAscii } from '../address/non-ascii.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR8 ADVISE. A display name with non-ASCII characters should be written as RFC 2047
 * encoded-words (`=?UTF-8?B?…?=` or `?Q?`). SES accepts a raw non-ASCII display name and delivers
 * the mail with the name mangled, so this is advice, never a reason to reject. Punycode in a
 * display name is not decoded.
 *
 * Also advice here (RULES.md section 10): a word shaped `=?…?=` that is not a well-formed
 * encoded-word (a token charset, `B` or `Q`, strict base64 for `B`, phrase-safe text for `Q`).
 * SES's parser accepts the address; the reader then sees the undecoded text, not the name.
 * Everything else about a display name's form is C-ADDR1's (unquoted specials, unclosed quotes)
 * or accepted as SES's parser accepts it (an unquoted `.` or `\`, control characters other than
 * CR, LF and NUL). Words are separated by spaces; encoded-words inside quotes are not looked at.
 */
export function checkDisplayName(displayName: string | undefined, path: string): Violation[] {
  if (displayName === undefined) return [];
  const problem = displayNameProblem(displayName);
  return problem === undefined
    ? []
    : [
        violation(
          'C-ADDR8.encoded-words',
          path,
          `the display name ${quoteForMessage(displayName)} ${problem}`,
        ),
      ];
}

function displayNameProblem(name: string): string | undefined {
  const nonAscii = firstNonAscii(name);
  if (nonAscii !== -1) {
    const encoded = toEncodedWords(unquoted(name));
    return `has the raw non-ASCII character ${quoteForMessage(name.charAt(nonAscii))} at index ${nonAscii}: SES accepts it but mail programs show the name mangled; write it as RFC 2047 encoded-words, e.g. ${quoteForMessage(encoded)}`;
  }
  let i = 0;
  while (i < name.length) {
    const c = name.charAt(i);
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '"') {
      i = quotedStringEnd(name, i);
    } else {
      let end = i;
      while (end < name.length && !' \t"'.includes(name.charAt(end))) end++;
      const word = name.slice(i, end);
      if (looksLikeEncodedWord(word)) {
        const problem = encodedWordProblem(word);
        if (problem !== undefined) {
          return `has an invalid encoded-word, which mail programs show as it stands: ${problem}`;
        }
      }
      i = end;
    }
  }
  return undefined;
}

/** The index after the quoted-string that starts at `start` (the parser has checked it is closed). */
function quotedStringEnd(name: string, start: number): number {
  for (let i = start + 1; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) i++;
  }
  return name.length;
}

/** The text a person meant, for the suggested encoded-words: quotes and escapes removed. */
function unquoted(name: string): string {
  return name.replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => inner.replace(/\\(.)/g, '$1'));
}
