import { encodedWordProblem, looksLikeEncodedWord, toEncodedWords } from '../address/encoded-word.ts';
import { firstNonAscii } from '../address/non-ascii.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR8 MUST. Display names are printable 7-bit ASCII (an atom phrase or a quoted-string); a
 * non-ASCII display name must be written as RFC 2047 encoded-words (`=?UTF-8?B?…?=` or `?Q?`).
 * Raw non-ASCII in a display name is invalid. Punycode in a display name is not decoded.
 *
 * The name is a phrase: words separated by spaces, each an atom, a quoted-string or an
 * encoded-word (RFC 5322 §3.2.5, RFC 2047 §5(3)). A word shaped `=?…?=` is held to the
 * encoded-word syntax: a token charset, `B` or `Q`, strict base64 for `B`, phrase-safe text for `Q`.
 * Encoded-words longer than RFC 2047's 75 characters are accepted. A `.` in an unquoted name
 * (RFC 5322 obsolete phrase) is invalid here: quote the name.
 */
export function checkDisplayName(displayName: string | undefined, path: string): Violation[] {
  if (displayName === undefined) return [];
  const problem = displayNameProblem(displayName);
  return problem === undefined
    ? []
    : [violation('C-ADDR8', path, `the display name ${quoteForMessage(displayName)} ${problem}`)];
}

const ATEXT = /[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]/;

function displayNameProblem(name: string): string | undefined {
  const nonAscii = firstNonAscii(name);
  if (nonAscii !== -1) {
    const encoded = toEncodedWords(unquoted(name));
    return `has the raw non-ASCII character ${quoteForMessage(name.charAt(nonAscii))}: write it as RFC 2047 encoded-words, e.g. ${quoteForMessage(encoded)}`;
  }
  let i = 0;
  while (i < name.length) {
    const c = name.charAt(i);
    if (c === ' ') {
      i++;
    } else if (c === '"') {
      const end = quotedStringEnd(name, i);
      if (typeof end === 'string') return end;
      i = end;
    } else {
      let end = i;
      while (end < name.length && name.charAt(end) !== ' ' && name.charAt(end) !== '"') end++;
      const word = name.slice(i, end);
      if (looksLikeEncodedWord(word)) {
        const problem = encodedWordProblem(word);
        if (problem !== undefined) return `has an invalid encoded-word: ${problem}`;
      } else {
        const problem = atomProblem(word);
        if (problem !== undefined) return problem;
      }
      i = end;
    }
  }
  return undefined;
}

/** The index after the quoted-string that starts at `start`, or why it is not one. */
function quotedStringEnd(name: string, start: number): number | string {
  for (let i = start + 1; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) {
      return `has the control character ${quoteForMessage(name.charAt(i))} at index ${i}: a display name holds printable ASCII only`;
    }
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const next = name.charCodeAt(i + 1);
      if (!(next >= 0x20 && next <= 0x7e))
        return `has a '\\' at index ${i} that escapes no printable character`;
      i++;
    }
  }
  return 'has a quoted-string that is never closed';
}

function atomProblem(word: string): string | undefined {
  for (const c of word) {
    if (ATEXT.test(c)) continue;
    const code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) {
      return `has the control character ${quoteForMessage(c)}: a display name holds printable ASCII only`;
    }
    return `has ${quoteForMessage(c)} outside quotes: put the name in double quotes ("...")`;
  }
  return undefined;
}

/** The text a person meant, for the suggested encoded-words: quotes and escapes removed. */
function unquoted(name: string): string {
  return name.replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => inner.replace(/\\(.)/g, '$1'));
}
