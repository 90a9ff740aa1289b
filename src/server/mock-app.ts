/**
 * The reference mock as a WHATWG fetch handler, `(Request) => Promise<Response>`: the shape MSW
 * handlers, service workers and in-process transports all speak. It only turns the `Request` into
 * the pipeline's `MockRequest` (reading the body as a stream, never past the limit) and the answer
 * into a `Response`; every decision is `mock-responder.ts`'s.
 */
import type { MessageStore } from './message-store.ts';
import type { MockOptions } from './mock-options.ts';
import type { MockRequest } from './mock-request.ts';
import { createMockResponder, type MockResponder } from './mock-responder.ts';
import type { MockResponse } from './mock-response.ts';

export type { MessageStore } from './message-store.ts';
export type { MockOptions } from './mock-options.ts';
export { DEFAULT_MAX_BODY_BYTES } from './mock-responder.ts';
export type { StoredMessage } from './stored-message.ts';

/** The options of `createMockApp`, `createHandlers` and `startMockServer` (one set for all three). */
export type MockAppOptions = MockOptions;

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

export function fromFetchRequest(request: Request): MockRequest {
  let target: string;
  try {
    const url = new URL(request.url);
    target = url.pathname + url.search;
  } catch {
    target = '/';
  }
  return {
    method: request.method.toUpperCase(),
    target,
    header: (name) => request.headers.get(name),
    body: (limit) => readLimited(request, limit),
  };
}

/** A fetch handler over an existing responder (the node:http adapter shares its responder with it). */
export function mockAppOf(responder: MockResponder): MockApp {
  return {
    messages: responder.messages,
    handle: async (request) => toFetchResponse(await responder.respond(fromFetchRequest(request))),
  };
}

export function createMockApp(options: MockAppOptions): MockApp {
  return mockAppOf(createMockResponder(options));
}
