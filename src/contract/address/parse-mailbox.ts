/**
 * One RFC 5322 mailbox (§3.4) as SES takes it in an address field: an addr-spec `local@domain`, or a
 * name-addr `display-name <local@domain>`.
 *
 * The parser only settles the form of the whole (C-ADDR1.syntax): where the display name, the local
 * part and the domain are. It does not check what is inside each piece; C-ADDR2 (local part),
 * C-ADDR4–7 (domain) and C-ADDR8 (display name) do. So `bücher@example.com` and `a..b@example.com`
 * parse, and one defect ends up under exactly one rule id. CR, LF and NUL are the caller's to
 * report (C-ADDR1.control) and to read as spaces first, as SES's parser does.
 *
 * White space around the value and inside the angle brackets is RFC 5322 CFWS, and SES's parser
 * trims it, with any other character up to U+0020 (RULES.md section 10), so it is not part of any
 * piece.
 *
 * Failures are one of two kinds:
 * - malformed: no `@`, more than one unquoted `@`, an empty piece, unbalanced `<`/`>` or quotes, a
 *   list or a group where one mailbox belongs, an unquoted `@`, `[` or `]` in the display name;
 * - unsupported: syntax RFC 5322 allows but the contract leaves OPEN (C-ADDR9): comments, domain
 *   literals, IP-address domains, source routes. The project rejects these (RULES.md section 10)
 *   and the engine reports them under C-ADDR1.
 */
import { looksLikeEncodedWord } from './encoded-word.ts';

export { splitAddressList } from './split-address-list.ts';

export type Mailbox = {
  /** The display-name as written (quotes, escapes and encoded-words kept); absent when there is none. */
  displayName?: string;
  localPart: string;
  domain: string;
  /** `localPart@domain`, as written. */
  addrSpec: string;
};

export type MailboxParse =
  | { ok: true; mailbox: Mailbox }
  | {
      ok: false;
      reason: string;
      /** UTF-16 index into the text where the problem is. */
      index: number;
      /** True when the syntax is valid RFC 5322 that the contract leaves OPEN (C-ADDR9). */
      unsupported: boolean;
    };

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Positions of the characters that carry structure, outside quoted-strings. */
type Structure = { at: number[]; lt: number[]; gt: number[]; brackets: number[] };

function malformed(reason: string, index: number): MailboxParse {
  return { ok: false, reason, index, unsupported: false };
}

function unsupported(reason: string, index: number): MailboxParse {
  return { ok: false, reason, index, unsupported: true };
}

/**
 * What SES's parser trims from the ends of the value and of the addr-spec: Java's `String.trim`,
 * every character up to U+0020 (space, tab, and the other C0 controls).
 */
function isTrimmed(code: number): boolean {
  return code <= 0x20;
}

/** [start, end) of `text` between `from` and `to` without what SES's parser trims at either end. */
function trimmed(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start < end && isTrimmed(text.charCodeAt(start))) start++;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** Every space-separated word of the text is shaped `=?…?=`. */
function isEncodedWords(text: string): boolean {
  const words = text.split(/[ \t]+/);
  return words.every(looksLikeEncodedWord);
}

export function parseMailbox(text: string): MailboxParse {
  if (text.length === 0) return malformed('it is empty', 0);
  let [start, end] = trimmed(text, 0, text.length);
  if (start === end) return malformed('it holds only white space', 0);
  const valueStart = start;

  const structure = scanStructure(text);
  if (!('at' in structure)) return structure;

  const { lt, gt } = structure;
  let displayName: string | undefined;
  if (lt.length > 1) return malformed(`it has a second '<' at index ${lt[1]}`, lt[1] ?? 0);
  if (gt.length > 1) return malformed(`it has a second '>' at index ${gt[1]}`, gt[1] ?? 0);
  const open = lt[0];
  const close = gt[0];
  if (open === undefined && close !== undefined) {
    return malformed(`it has a '>' at index ${close} without a '<' before it`, close);
  }
  if (open !== undefined) {
    if (close === undefined) return malformed(`the '<' at index ${open} is never closed with '>'`, open);
    if (close < open) return malformed(`the '>' at index ${close} comes before the '<'`, close);
    if (close !== end - 1) {
      return malformed(`there is text after the closing '>' at index ${close}`, close + 1);
    }
    const [nameStart, nameEnd] = trimmed(text, valueStart, open);
    if (nameEnd > nameStart) displayName = text.slice(nameStart, nameEnd);
    for (const i of [...structure.at, ...structure.brackets]) {
      if (i < open) {
        return malformed(
          `the display name has an unquoted '${text.charAt(i)}' at index ${i}: put the name in double quotes ("...")`,
          i,
        );
      }
    }
    [start, end] = trimmed(text, open + 1, close);
    if (start === end) return malformed(`'<>' holds no address`, open);
  }

  // Before the '@' search: `=?UTF-8?Q?a@b.org?=` has one, and is still the same mistake.
  if (text.startsWith('=?', start) && isEncodedWords(text.slice(start, end))) {
    return malformed(
      `the whole address is an encoded-word; only the display name may be encoded: write 'Name <local@domain>' with the name alone as '=?UTF-8?B?…?='`,
      start,
    );
  }
  let at: number | undefined;
  for (const i of structure.at) {
    if (i < start || i >= end) continue;
    if (at !== undefined)
      return malformed(`it has more than one '@' outside quotes (the second at index ${i})`, i);
    at = i;
  }
  if (at === undefined) return malformed(`it has no '@' between the local part and the domain`, start);
  const localPart = text.slice(start, at);
  const domain = text.slice(at + 1, end);
  if (localPart === '') return malformed(`the local part before '@' is empty`, at);
  if (domain === '') return malformed(`the domain after '@' is empty`, at + 1);
  if (domain.startsWith('[')) return unsupported('a domain literal ([...])', at + 1);
  if (IPV4.test(domain)) return unsupported('an IP address as the domain', at + 1);

  const mailbox: Mailbox = { localPart, domain, addrSpec: text.slice(start, end) };
  if (displayName !== undefined) mailbox.displayName = displayName;
  return { ok: true, mailbox };
}

/**
 * Walks the text once, skipping quoted-strings (where `\` escapes the next character), and records
 * where `@`, `<` and `>` stand. Characters that only make sense in lists, groups, routes or comments
 * end the walk with a failure.
 */
function scanStructure(text: string): Structure | MailboxParse {
  const structure: Structure = { at: [], lt: [], gt: [], brackets: [] };
  let quoteStart = -1;
  // Character codes, not one-character strings: this loop runs over every address the engine sees.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quoteStart !== -1) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) quoteStart = -1;
      continue;
    }
    if (code > AT) {
      // Letters and the rest above '@' carry no structure; brackets matter in a display name only.
      if (code === OPEN_BRACKET || code === CLOSE_BRACKET) structure.brackets.push(i);
      continue;
    }
    switch (code) {
      case QUOTE:
        quoteStart = i;
        break;
      case AT:
        structure.at.push(i);
        break;
      case LT:
        structure.lt.push(i);
        break;
      case GT:
        structure.gt.push(i);
        break;
      case OPEN_PAREN:
      case CLOSE_PAREN:
        return unsupported(`a comment ('${text.charAt(i)}' at index ${i})`, i);
      case COMMA:
        return malformed(`it has a ',' at index ${i}, which separates the addresses of a list`, i);
      case COLON:
        if (structure.lt.length > 0)
          return unsupported(`a source route (':' at index ${i}, obsolete syntax)`, i);
        return malformed(`it has a ':' at index ${i}, and a group (name: addresses;) is not a mailbox`, i);
      case SEMICOLON:
        return malformed(`it has a ';' at index ${i}, and a group (name: addresses;) is not a mailbox`, i);
    }
  }
  if (quoteStart !== -1) {
    return malformed(
      `the quoted-string opened by the '"' at index ${quoteStart} is never closed: add the closing '"'`,
      quoteStart,
    );
  }
  return structure;
}

const QUOTE = 0x22;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const COMMA = 0x2c;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const LT = 0x3c;
const GT = 0x3e;
const AT = 0x40;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
