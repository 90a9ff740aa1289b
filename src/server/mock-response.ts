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

export function jsonResponse(status: number, value: unknown, headers?: Record<string, string>): MockResponse {
  return {
    status,
    headers: headers ? { 'content-type': 'application/json', ...headers } : JSON_HEADERS,
    body: JSON.stringify(value),
  };
}
