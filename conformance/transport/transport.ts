/**
 * How a case reaches the implementation: a WHATWG fetch handler, `(Request) => Promise<Response>`.
 * The same properties run over HTTP (`httpTransport`), against an in-process app (`app.handle`),
 * or through MSW, because nothing else knows how requests travel.
 */

/** A request as plain parts: what `fetch(url, init)` takes, with the body as text. */
export type RequestParts = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
};

export type Transport = ((request: Request) => Promise<Response>) & {
  /**
   * The same exchange from plain parts, for a transport that can skip building a `Request`:
   * `fetch(request)` copies a `Request` (body stream tee included) before sending it, which costs
   * the suite about as much as sending. Wrappers that need the `Request` (SigV4) leave it out.
   */
  sendParts?: (parts: RequestParts) => Promise<Response>;
};

/** Real HTTP through the runtime's `fetch` (connections are kept alive between cases). */
export function httpTransport(): Transport {
  return Object.assign((request: Request) => fetch(request), {
    sendParts: ({ url, ...init }: RequestParts) => fetch(url, init),
  });
}
