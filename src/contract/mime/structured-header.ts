/**
 * Reads a parameterised header value (`Content-Type`, `Content-Disposition`): the leading value and its
 * `; name=value` parameters, quoted strings included. RFC 2231 forms (`name*=charset'lang'%XX`,
 * continuations `name*0`, `name*1*`) are joined and decoded and kept apart from the plain form, under
 * `name*`, because a sender may give both and a receiver may honour either: a check must see both.
 */
import type { ContentType } from './mime-entity.ts';

type Piece = { index: number; extended: boolean; text: string };

export function parseStructuredHeader(text: string): ContentType {
  const segments = splitOutsideQuotes(text);
  const mediaType = (segments[0] ?? '').trim().toLowerCase();
  const params = new Map<string, string>();
  const pieces = new Map<string, Piece[]>();
  for (const segment of segments.slice(1)) {
    const eq = segment.indexOf('=');
    if (eq === -1) continue;
    const key = segment.slice(0, eq).trim().toLowerCase();
    const value = unquote(segment.slice(eq + 1).trim());
    const form = /^([^*]+)\*(?:(\d+)(\*)?)?$/.exec(key);
    if (!form) {
      if (!params.has(key)) params.set(key, value);
      continue;
    }
    const name = form[1] as string;
    const index = form[2] === undefined ? 0 : Number(form[2]);
    const extended = form[2] === undefined || form[3] === '*';
    const list = pieces.get(name) ?? [];
    list.push({ index, extended, text: value });
    pieces.set(name, list);
  }
  for (const [name, list] of pieces) params.set(`${name}*`, joinRfc2231(list));
  return { mediaType, params };
}

/** Splits at `;` outside quoted strings. */
function splitOutsideQuotes(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  let out = '';
  for (let i = 1; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '"') break;
    if (c === '\\' && i + 1 < value.length) {
      i++;
      out += value[i];
    } else out += c;
  }
  return out;
}

/** Joins RFC 2231 pieces in index order and decodes the percent-encoded octets with the declared charset. */
function joinRfc2231(list: Piece[]): string {
  const sorted = [...list].sort((a, b) => a.index - b.index);
  let charset = 'utf-8';
  const octets: number[] = [];
  sorted.forEach((piece, position) => {
    let text = piece.text;
    if (position === 0 && piece.extended) {
      const declared = /^([^']*)'[^']*'/.exec(text);
      if (declared) {
        if (declared[1]) charset = declared[1];
        text = text.slice(declared[0].length);
      }
    }
    for (let i = 0; i < text.length; i++) {
      const hex =
        piece.extended && text[i] === '%' ? /^[0-9A-Fa-f]{2}$/.exec(text.slice(i + 1, i + 3)) : null;
      if (hex) {
        octets.push(Number.parseInt(hex[0], 16));
        i += 2;
      } else octets.push(text.charCodeAt(i) & 0xff);
    }
  });
  return decodeCharset(Uint8Array.from(octets), charset);
}

function decodeCharset(octets: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(octets);
  } catch {
    // An unknown charset label: the extension is ASCII in every charset worth supporting.
    return new TextDecoder().decode(octets);
  }
}
