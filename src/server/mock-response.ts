/**
 * An answer of the mock as plain data. The rules and the wire formats produce these; the adapters
 * (fetch `Response` for MSW, node:http for the server) only copy them out, so every transport answers
 * byte for byte the same.
 */
export type MockResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
};

/** Shared by every plain JSON answer (frozen: never edit). */
export const JSON_HEADERS: Record<string, string> = Object.freeze({ 'content-type': 'application/json' });

/** CORS, so a frontend on another origin can call the mock directly (with `Prefer` too). */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-amzn-RequestId, x-amzn-ErrorType',
});

/**
 * A plain JSON answer's headers with CORS, shared (frozen: never edit): the common answer then
 * costs no header object, and an adapter may write it from a list it made once.
 */
export const JSON_CORS_HEADERS: Record<string, string> = Object.freeze({ ...JSON_HEADERS, ...CORS_HEADERS });

export function jsonResponse(status: number, value: unknown, headers?: Record<string, string>): MockResponse {
  return {
    status,
    headers: headers ? { 'content-type': 'application/json', ...headers } : JSON_HEADERS,
    body: JSON.stringify(value),
  };
}
