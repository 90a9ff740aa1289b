/**
 * The node adapter's one fast path: a request whose whole body came in with its headers, which is
 * what nearly every SendEmail is (a few KiB, one TCP read). Such a request goes through the same
 * `respond` pipeline as any other; only the adapter's own work is cheaper:
 * - the body is taken from the request's buffer with one `read()`, instead of switching the
 *   stream to flowing mode and collecting `data` events until `end` (listeners, closures, a
 *   promise and several ticks per request);
 * - the common answer's headers (JSON with CORS, a shared frozen object) are written from a list
 *   made once, instead of being walked per answer (whichever way its request came in).
 *
 * When the body is not all there (a chunked body, one still on its way, a length over the limit),
 * the fast path declines and the adapter streams the body as usual. Answers are byte for byte the
 * same either way (`arrived-body-fast-path.test.ts`).
 *
 * Measured: server CPU per answered SendEmail (documented profile, autocannon with 10 connections,
 * 6 alternating 2 s rounds on a shared 2-core machine, least of the rounds), with the shared CORS
 * headers of `mock-response.ts`: 49 → 40 µs with no option, 50 → 38 µs with `--identities` and
 * `--max-send-rate` (bare node:http: 19 µs). `npm run bench -- --only mock` prints the current figures.
 */
import type { IncomingMessage } from 'node:http';
import { JSON_CORS_HEADERS } from './mock-response.ts';

const EMPTY_BODY = new Uint8Array(0);

/**
 * Whether the body may be all there once the parser has handled the packet that brought the
 * headers: a declared length within `limit`, not chunked. Node's parser holds the tick queue until
 * it has parsed the whole packet, so by the next tick the body bytes that came with the headers are
 * in the request's buffer; `arrivedBody` checks that they are all of them.
 */
export function mayArriveWithHeaders(incoming: IncomingMessage, limit: number): boolean {
  const headers = incoming.headers;
  const declared = headers['content-length'];
  return (
    declared !== undefined &&
    headers['transfer-encoding'] === undefined &&
    /^\d+$/.test(declared) &&
    Number(declared) <= limit
  );
}

/**
 * The whole body, when every byte of the declared length is already in the request's buffer;
 * otherwise undefined, and nothing is read (the streaming reader then gets every byte).
 */
export function arrivedBody(incoming: IncomingMessage): Uint8Array | undefined {
  const declared = Number(incoming.headers['content-length']);
  if (incoming.readableLength !== declared) return undefined;
  if (declared === 0) return EMPTY_BODY;
  return (incoming.read() as Buffer | null) ?? undefined;
}

/** `JSON_CORS_HEADERS` as the flat `[name, value, …]` list `writeHead` takes, made once. */
const JSON_CORS_HEADER_LIST: readonly string[] = Object.entries(JSON_CORS_HEADERS).flat();

/** An answer's headers as a fresh flat list the caller may extend (content-length, connection). */
export function headerList(headers: Record<string, string>): string[] {
  if (headers === JSON_CORS_HEADERS) return JSON_CORS_HEADER_LIST.slice();
  const list: string[] = [];
  for (const name in headers) list.push(name, headers[name] as string);
  return list;
}
