/**
 * The reference mock as a WHATWG fetch handler, `(Request) => Promise<Response>`: the shape MSW
 * handlers, service workers and in-process transports all speak. The logic lives in
 * `mock-responder.ts`; this file only reads the body (never past the limit) and builds the Response.
 */
import type { Violation } from '../contract/violation.ts';
import type { MessageStore } from './message-store.ts';
import { createMockResponder, type MockResponder, type MockResponderOptions } from './mock-responder.ts';
import type { MockResponse } from './mock-response.ts';
import type { StoredMessage } from './stored-message.ts';

export type { MessageStore } from './message-store.ts';
export { DEFAULT_MAX_BODY_BYTES } from './mock-responder.ts';
export type { StoredMessage } from './stored-message.ts';

export type MockAppOptions = {
  profile: 'documented' | 'aws';
  /** Same seed and same request sequence → same ids and timestamps. */
  seed?: number;
  /** Delay added to every SendEmail / SendBulkEmail answer. */
  latencyMs?: number;
  /** Default 44,040,192 (RULES.md section 9). */
  maxBodyBytes?: number;
  /** Replace the rules engine, e.g. to build a deliberately broken twin that skips a rule. */
  validators?: { sendEmail?: (body: unknown) => Violation[]; sendBulkEmail?: (body: unknown) => Violation[] };
  /** Replace the id source, e.g. to build a twin that reuses ids. */
  nextId?: () => string;
  /** Default 200; the oldest are dropped first. */
  maxStoredMessages?: number;
  onMessage?: (message: StoredMessage) => void;
  /**
   * Stored templates by name, each `{ Subject, Text, Html }` as `CreateEmailTemplate` takes them;
   * sends naming one are rendered with Handlebars as SES does, an unknown name is a 404. Without
   * it, stored-template sends are kept unrendered. A malformed template throws here.
   */
  templates?: MockResponderOptions['templates'];
};

export type MockApp = {
  handle(request: Request): Promise<Response>;
  messages: MessageStore;
};

export function toFetchResponse(response: MockResponse): Response {
  // 204 must not have a body, even an empty string, for the Response constructor.
  return new Response(response.status === 204 ? null : response.body, {
    status: response.status,
    headers: response.headers,
  });
}

/** The body, or undefined when it grew past `limit` (the stream is cancelled there, not drained). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function declaredLength(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** A fetch handler over an existing responder (the node:http adapter shares its responder with it). */
export function mockAppOf(responder: MockResponder): MockApp {
  return {
    messages: responder.messages,
    async handle(request) {
      let path: string;
      try {
        path = new URL(request.url).pathname;
      } catch {
        path = '/';
      }
      const method = request.method.toUpperCase();
      const contentType = request.headers.get('content-type');
      const early = responder.beforeBody(
        method,
        path,
        contentType,
        declaredLength(request.headers.get('content-length')),
      );
      if (early) return toFetchResponse(early);
      const body = await readLimited(request, responder.maxBodyBytes);
      if (!body) return toFetchResponse(responder.tooLarge());
      return toFetchResponse(await responder.respond({ method, path, contentType, body }));
    },
  };
}

export function createMockApp(options: MockAppOptions): MockApp {
  return mockAppOf(createMockResponder(options));
}
