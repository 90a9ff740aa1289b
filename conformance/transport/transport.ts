/**
 * How a case reaches the implementation: a WHATWG fetch handler, `(Request) => Promise<Response>`.
 * The same properties run over HTTP (`httpTransport`), against an in-process app (`app.handle`),
 * or through MSW, because nothing else knows how requests travel.
 */
export type Transport = (request: Request) => Promise<Response>;

/** Real HTTP through the runtime's `fetch` (connections are kept alive between cases). */
export function httpTransport(): Transport {
  return (request) => fetch(request);
}
