/**
 * The reference mock on node:http: one adapter that turns each `IncomingMessage` into the
 * pipeline's `MockRequest`, awaits `respond` and writes the answer. With `wrap` (broken twins), the
 * same path goes through fetch `Request`/`Response` around the same handler. The body limit is
 * enforced while the body streams in: a declared `Content-Length` over the limit is refused before
 * a byte is read, and a body that grows past it (chunked, or lying about its length) is refused at
 * that byte; either way the mock answers 413, closes the connection and never holds more than the
 * limit in memory.
 *
 * One fast path (`arrived-body-fast-path.ts`): a body that came in with its headers is taken from
 * the buffer in one read instead of streamed, and goes through the same `respond`. Batching the
 * answers of one event-loop turn (an earlier adapter's) measured no better than writing each at
 * once (autocannon, 10 connections, 5 alternating rounds: medians 10,376 vs 10,384 req/s), so it went.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { arrivedBody, headerList, mayArriveWithHeaders } from './arrived-body-fast-path.ts';
import { type MockApp, type MockAppOptions, mockAppOf } from './mock-app.ts';
import { ClientGone, type MockRequest } from './mock-request.ts';
import { createMockResponder, type MockResponder } from './mock-responder.ts';
import type { MockResponse } from './mock-response.ts';

export type StartMockServerOptions = MockAppOptions & {
  /** Default 0: an ephemeral port (the CLI defaults to 4010). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Tamper with requests or answers, e.g. to build a deliberately broken twin of the reference mock. */
  wrap?: (handle: (request: Request) => Promise<Response>) => (request: Request) => Promise<Response>;
};

export type RunningMockServer = { url: string; app: MockApp; close(): Promise<void> };

/** Up to this many unread body bytes are drained so the connection can be reused; past it, it is closed. */
const DRAIN_LIMIT_BYTES = 64 * 1024;
/** Time the client gets to read a 413 before the connection it is still writing to is cut. */
const CLOSE_GRACE_MS = 100;

/** The body up to `limit`, streamed; undefined (and the rest discarded) once it grows past it. */
function readBody(request: NodeMockRequest, limit: number): Promise<Uint8Array | undefined> {
  const incoming = request.incoming;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onGone);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.byteLength;
      if (length > limit) {
        // Discard what still comes rather than pause: with a paused socket full of unread bytes,
        // Node 22 and later reset the connection as the 413 goes out, and a client still sending
        // gets EPIPE before it reads the answer. The connection is cut after CLOSE_GRACE_MS anyway.
        stop();
        incoming.resume();
        request.cutOff = true;
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    };
    const onGone = () => {
      stop();
      reject(new ClientGone('the client went away before the body ended'));
    };
    const onClose = () => {
      if (!incoming.complete) onGone();
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onGone);
    incoming.on('close', onClose);
  });
}

/**
 * An `IncomingMessage` as the pipeline's `MockRequest`. A class, so a request costs one object and
 * no closures. `arrived` is the body when the fast path already took it from the buffer.
 */
class NodeMockRequest implements MockRequest {
  readonly method: string;
  readonly target: string;
  /** The body was cut off at the limit: the connection is closed after the answer. */
  cutOff = false;

  constructor(
    readonly incoming: IncomingMessage,
    private readonly arrived: Uint8Array | undefined,
  ) {
    this.method = (incoming.method ?? 'GET').toUpperCase();
    this.target = incoming.url ?? '/';
  }

  header(name: string): string | null {
    const value = this.incoming.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  body(limit: number): Promise<Uint8Array | undefined> {
    if (this.arrived === undefined) return readBody(this, limit);
    if (this.arrived.byteLength <= limit) return Promise.resolve(this.arrived);
    this.cutOff = true;
    return Promise.resolve(undefined);
  }
}

function declaredLength(request: IncomingMessage): number | undefined {
  const value = request.headers['content-length'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function hasLargeUnreadBody(request: IncomingMessage): boolean {
  if (request.complete) return false;
  const length = declaredLength(request);
  return length === undefined
    ? request.headers['transfer-encoding'] !== undefined
    : length > DRAIN_LIMIT_BYTES;
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  answer: MockResponse,
  closeAfter: boolean,
): void {
  if (response.headersSent || response.destroyed) return;
  // A flat [name, value, …] list spares Node a walk over an object's keys; a length spares the
  // chunk-size framing that chunked encoding adds around the body.
  const headers = headerList(answer.headers);
  const body = answer.status === 204 ? undefined : answer.body;
  if (body !== undefined) headers.push('content-length', String(Buffer.byteLength(body)));
  if (closeAfter) {
    headers.push('connection', 'close');
    response.on('finish', () => {
      setTimeout(() => request.socket.destroy(), CLOSE_GRACE_MS).unref();
    });
  }
  response.writeHead(answer.status, headers);
  response.end(body);
}

/** One request through the mock, as plain data on both sides. */
type NodeHandler = (request: NodeMockRequest) => Promise<MockResponse>;

function toFetchRequest(incoming: IncomingMessage, url: string, body: Uint8Array): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
    try {
      headers.append(incoming.rawHeaders[i] ?? '', incoming.rawHeaders[i + 1] ?? '');
    } catch {
      // A header the fetch API refuses cannot matter to the mock's contract; drop it.
    }
  }
  const method = incoming.method ?? 'GET';
  const withBody = method !== 'GET' && method !== 'HEAD';
  return new Request(
    url,
    withBody ? { method, headers, body: body as Uint8Array<ArrayBuffer> } : { method, headers },
  );
}

async function fromFetchResponse(response: Response): Promise<MockResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}

/** The same handler behind a `wrap`: through fetch `Request`/`Response`, as the wrapper expects. */
function wrappedHandler(
  responder: MockResponder,
  wrapped: (request: Request) => Promise<Response>,
  origin: () => string,
): NodeHandler {
  return async (request) => {
    const incoming = request.incoming;
    if ((declaredLength(incoming) ?? 0) > responder.maxBodyBytes) return responder.tooLarge();
    const body = await request.body(responder.maxBodyBytes);
    if (!body) return responder.tooLarge();
    return fromFetchResponse(await wrapped(toFetchRequest(incoming, `${origin()}${request.target}`, body)));
  };
}

/** One request through the pipeline to its answer on the wire. */
async function serve(
  handle: NodeHandler,
  responder: MockResponder,
  response: ServerResponse,
  request: NodeMockRequest,
): Promise<void> {
  const incoming = request.incoming;
  let answer: MockResponse;
  try {
    answer = await handle(request);
  } catch (error) {
    if (error instanceof ClientGone) return;
    // Only a defect of a `wrap` gets here (the pipeline answers its own): not the client's fault.
    if (!response.headersSent) {
      const reason = error instanceof Error ? error.message : String(error);
      send(incoming, response, responder.internalError(reason), true);
    } else response.destroy();
    return;
  }
  send(incoming, response, answer, request.cutOff || hasLargeUnreadBody(incoming));
}

function serveArrived(
  handle: NodeHandler,
  responder: MockResponder,
  incoming: IncomingMessage,
  response: ServerResponse,
): void {
  void serve(handle, responder, response, new NodeMockRequest(incoming, arrivedBody(incoming)));
}

export async function startMockServer(options: StartMockServerOptions): Promise<RunningMockServer> {
  const responder = createMockResponder(options);
  const app = mockAppOf(responder);
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const handle: NodeHandler = options.wrap
    ? wrappedHandler(responder, options.wrap(app.handle), () => origin)
    : (request) => responder.respond(request);
  const limit = responder.maxBodyBytes;
  const server = createServer((incoming, response) => {
    // The fast path's body comes in with the headers' packet, which the parser has handled by the
    // next tick; anything else (and every request to a wrapped twin) streams at once.
    if (!options.wrap && mayArriveWithHeaders(incoming, limit))
      process.nextTick(serveArrived, handle, responder, incoming, response);
    else void serve(handle, responder, response, new NodeMockRequest(incoming, undefined));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // Bytes that are not HTTP still get the contract's envelope instead of Node's bare 400.
    if (socket.writable && error.code !== 'ECONNRESET') {
      const answer = responder.notHttp(error.code ?? 'parse error');
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      socket.end(
        `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
          `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(answer.body)}\r\nconnection: close\r\n\r\n${answer.body}`,
      );
    } else {
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostInUrl}:${address.port}`;
  return {
    url: origin,
    app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
