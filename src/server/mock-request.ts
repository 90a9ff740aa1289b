/**
 * A request as the mock's pipeline reads it, whatever carried it: the node:http adapter and the
 * fetch adapter (MSW) each make one. The body is read only when the pipeline asks, and never past
 * the limit it gives, so an unknown route or a declared length over the limit costs no body bytes.
 */
export type MockRequest = {
  /** Upper case. */
  method: string;
  /** The request target: path and query, as sent. */
  target: string;
  /** A header's value (names are case-insensitive), or null. */
  header(name: string): string | null;
  /**
   * The body, or undefined once it grows past `limit` (the adapter stops reading there). Rejects with
   * `ClientGone` when the client goes away before the body ends: then there is nobody to answer.
   */
  body(limit: number): Promise<Uint8Array | undefined>;
};

export class ClientGone extends Error {
  override readonly name = 'ClientGone';
}
