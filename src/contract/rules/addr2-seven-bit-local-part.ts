import { firstNonAscii } from '../address/non-ascii.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR2 MUST (7-bit local part; clause `local-part`). The local part is 7-bit ASCII: a dot-atom (RFC 5322
 * `atext` runs joined by single dots, no leading, trailing or double dot) or a quoted-string of
 * printable ASCII with `\` escapes. Any octet above 0x7F, white space, or an unquoted special is
 * invalid.
 *
 * Printable means 0x20–0x7E, for quoted and escaped characters alike, so a tab is invalid. An
 * obsolete local part such as `"a".b` is neither a dot-atom nor one quoted-string and is invalid.
 *
 * The two OPEN cases (RULES.md section 10) are decided as SES's parser decides them: a backslash
 * escaping a printable character in an unquoted local part (`a\b`) is accepted; a quoted local
 * part whose last character is an escaped backslash (`"a\\"`) is refused, as SES's parser refuses
 * it ("Unterminated quote", a bug of that parser), and reported under this clause.
 */
export function checkSevenBitLocalPart(localPart: string, path: string): Violation[] {
  const problem = localPartProblem(localPart);
  return problem === undefined
    ? []
    : [violation('C-ADDR2.local-part', path, `the local part ${quoteForMessage(localPart)} ${problem}`)];
}

const ATEXT = /[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]/;
const DOT_ATOM_CHARACTERS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]*$/;

function localPartProblem(local: string): string | undefined {
  const eightBit = firstNonAscii(local);
  if (eightBit !== -1) {
    return `has the non-ASCII character ${quoteForMessage(local.charAt(eightBit))} at index ${eightBit}: SES does not support SMTPUTF8, so use an ASCII-only local part (Punycode is not allowed there either)`;
  }
  // The usual slip, named before anything else: `alice @example.com`.
  if (/[ \t]$/.test(local)) return `ends with white space right before '@': remove the space before '@'`;
  return local.startsWith('"') ? quotedStringProblem(local) : dotAtomProblem(local);
}

function quotedStringProblem(local: string): string | undefined {
  for (let i = 1; i < local.length; i++) {
    const code = local.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) {
      return `has the control character ${quoteForMessage(local.charAt(i))} at index ${i}: a quoted local part holds printable ASCII only`;
    }
    if (code === 0x5c) {
      const next = local.charCodeAt(i + 1);
      if (!(next >= 0x20 && next <= 0x7e)) {
        return `has a '\\' at index ${i} that escapes no printable character`;
      }
      if (next === 0x5c && i + 2 === local.length - 1 && local.charCodeAt(i + 2) === 0x22) {
        return `ends with an escaped backslash ('\\\\' right before the closing quote), which SES's address parser wrongly refuses ("Unterminated quote", a bug of JavaMail's InternetAddress): end the local part with another character`;
      }
      i++;
    } else if (code === 0x22) {
      return i === local.length - 1
        ? undefined
        : `goes on after its closing quote at index ${i}: quote the whole local part as one quoted-string`;
    }
  }
  return `has the quoted-string opened by the '"' at index 0, which is never closed: add the closing '"'`;
}

function dotAtomProblem(local: string): string | undefined {
  if (local.startsWith('.')) return `starts with '.': quote it or remove the dot`;
  if (local.endsWith('.')) return `ends with '.': quote it or remove the dot`;
  const doubled = local.indexOf('..');
  if (doubled !== -1) return `has two dots in a row at index ${doubled}: quote it or remove a dot`;
  // Almost every local part is plain atext: one regex pass instead of one test per character.
  if (DOT_ATOM_CHARACTERS.test(local)) return undefined;
  for (let i = 0; i < local.length; i++) {
    const c = local.charAt(i);
    if (c === '\\') {
      const next = local.charCodeAt(i + 1);
      if (!(next >= 0x20 && next <= 0x7e)) return `ends with a '\\' that escapes nothing: remove it`;
      i++; // OPEN in C-ADDR2, accepted as SES's parser accepts it
      continue;
    }
    if (c === ' ' || c === '\t') {
      return `has white space at index ${i}, which an unquoted local part cannot hold: remove it or quote the local part ("...")`;
    }
    if (c !== '.' && !ATEXT.test(c)) {
      return `has ${quoteForMessage(c)} at index ${i}, which an unquoted local part cannot hold: quote the local part ("...") or remove it`;
    }
  }
  return undefined;
}
