/**
 * A `curl` command that sends the same request again. Arguments are single-quoted for POSIX shells.
 * A body too long for a command line (over 16,000 characters) is not printed: `longBody` says
 * instead how to send it again (the replay file holds it, or the seed and path that rebuild it).
 */
import type { SentRequest } from '../transport/exchange.ts';

export const MAX_INLINE_BODY = 16_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what needs escaping.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Single quotes, or ANSI-C `$'…'` with `\xHH` escapes when the text holds control characters. */
function shellQuote(text: string): string {
  if (!CONTROL.test(text)) return `'${text.replaceAll("'", `'\\''`)}'`;
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '\\' || c === "'") out += `\\${c}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      // The body goes out as UTF-8: escape the bytes of the character, not its code point.
      for (const byte of new TextEncoder().encode(c)) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    } else out += c;
  }
  return `$'${out}'`;
}

export function curlCommand(request: SentRequest, longBody?: (bytes: number) => string): string {
  if (request.body.length > MAX_INLINE_BODY && longBody) return longBody(Buffer.byteLength(request.body));
  const headers = Object.entries(request.headers)
    // A SigV4 signature is copied as it was made; curl cannot sign again (see `conform --help`).
    .filter(([name]) => name === 'content-type' || name === 'authorization' || name.startsWith('x-amz-'))
    .map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`);
  const body = `--data-binary ${shellQuote(request.body)}`;
  return ['curl -sS -i', `-X ${request.method}`, shellQuote(request.url), ...headers, body].join(' ');
}
