/**
 * How a case reaches the implementation: a WHATWG fetch handler, `(Request) => Promise<Response>`.
 * The same properties run over HTTP (`httpTransport`), against an in-process app (`app.handle`),
 * or through MSW, because nothing else knows how requests travel.
 */

import type { Dispatcher } from 'undici';
import { boundedMemo } from '../../src/contract/bounded-memo.ts';

/** A request as plain parts, with the body as text. */
export type RequestParts = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
};

/** An answer as plain parts: header names lower-case, repeated headers joined with `, `. */
export type PlainResponse = { status: number; headers: Record<string, string>; body: string };

export type Transport = ((request: Request) => Promise<Response>) & {
  /**
   * The same exchange from and to plain parts, for a transport that can skip the fetch objects:
   * building a `Request`, copying it, and reading a `Response` back cost the suite more than
   * sending does. It rejects on a network error or once `signal` aborts. Wrappers that need the
   * `Request` leave it out; the case is then sent through the call signature.
   */
  sendPlain?: (parts: RequestParts) => Promise<PlainResponse>;
};

export type HttpTransportOptions = {
  /** Connections kept per origin; default: as many as there are requests in flight. */
  connections?: number;
};

type Undici = typeof import('undici');

/**
 * undici is imported on the first plain send, not when this module loads: the CLI imports this
 * module for `conform`, and `--help`, `validate`, `mock` start faster without it.
 */
let undici: Promise<Undici> | undefined;

function headerRecord(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Decoded as `Response#text()` does: UTF-8, a leading BOM dropped, bad bytes replaced. */
const utf8 = new TextDecoder('utf-8');

/** Origin and path of the URLs sent to: a run sends to the same two thousands of times. */
const requestTarget = boundedMemo(
  (href) => {
    const url = new URL(href);
    return { origin: url.origin, path: `${url.pathname}${url.search}` };
  },
  { entries: 64, keyLength: 8192 },
);

/**
 * One request through `dispatcher`, with a handler that keeps the answer as plain parts: no
 * response stream per request, which `undici.request` would make.
 */
function dispatchPlain(dispatcher: Dispatcher, parts: RequestParts): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const { signal } = parts;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const url = requestTarget(parts.url);
    let status = 0;
    let headers: Record<string, string> = {};
    let first: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let settled = false;
    let abortRequest: ((reason: Error) => void) | undefined;
    const onAbort = () => abortRequest?.(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      settled = true;
      signal.removeEventListener('abort', onAbort);
    };
    dispatcher.dispatch(
      {
        origin: url.origin,
        path: url.path,
        method: parts.method as Dispatcher.HttpMethod,
        headers: parts.headers,
        body: parts.method === 'GET' || parts.method === 'HEAD' ? null : parts.body,
      },
      {
        onRequestStart(controller) {
          abortRequest = (reason) => controller.abort(reason);
          if (signal.aborted) controller.abort(signal.reason as Error);
        },
        onResponseStart(_controller, statusCode, responseHeaders) {
          status = statusCode;
          headers = headerRecord(responseHeaders);
        },
        onResponseData(_controller, chunk) {
          if (first === undefined) first = chunk;
          else if (chunks === undefined) chunks = [first, chunk];
          else chunks.push(chunk);
        },
        onResponseEnd() {
          if (settled) return;
          settle();
          const bytes = chunks ? Buffer.concat(chunks) : first;
          resolve({ status, headers, body: bytes ? utf8.decode(bytes) : '' });
        },
        onResponseError(_controller, error) {
          if (settled) return;
          settle();
          reject(error);
        },
      },
    );
  });
}

/**
 * Real HTTP: plain sends go through undici's keep-alive `Agent` (one connection pool per origin,
 * no fetch objects, the body written with its headers in one write); the call signature, for
 * wrappers that hand over a `Request`, uses the runtime's `fetch`.
 */
export function httpTransport(options: HttpTransportOptions = {}): Transport {
  let agent: Dispatcher | undefined;
  const loading = async (): Promise<Dispatcher> => {
    undici ??= import('undici');
    const { Agent } = await undici;
    agent ??= new Agent({
      ...(options.connections ? { connections: options.connections } : {}),
      // The exchange's own timeout covers the whole answer; undici's would only cut in earlier.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    return agent;
  };
  return Object.assign((request: Request) => fetch(request), {
    sendPlain: (parts: RequestParts) =>
      agent ? dispatchPlain(agent, parts) : loading().then((loaded) => dispatchPlain(loaded, parts)),
  });
}
