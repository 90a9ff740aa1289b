/**
 * The reference mock on node:http. The body limit is enforced while the body streams in: a declared
 * `Content-Length` over the limit is refused before a byte is read, and a body that grows past it
 * (chunked, or lying about its length) is refused at that byte; either way the mock answers 413,
 * closes the connection and never holds more than the limit in memory.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockApp, type MockAppOptions, mockAppOf } from './mock-app.ts';
import { createMockResponder, type MockResponder } from './mock-responder.ts';
import type { MockResponse } from './mock-response.ts';
import { requestPath } from './request-path.ts';

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

type Outcome = { kind: 'body'; body: Uint8Array } | { kind: 'too-large' } | { kind: 'aborted' };

type BodyRead = {
  limit: number;
  length: number;
  first: Buffer | undefined;
  chunks: Buffer[] | undefined;
  done: (outcome: Outcome) => void;
};

/** Where a request's read in progress lives, so the listeners below are shared, not made per request. */
const BODY_READ = Symbol('body read');
type ReadingRequest = IncomingMessage & { [BODY_READ]?: BodyRead };

function stopReading(request: ReadingRequest, outcome: Outcome): void {
  const read = request[BODY_READ];
  if (!read) return;
  request[BODY_READ] = undefined;
  request.off('data', onBodyData);
  request.off('end', onBodyEnd);
  request.off('error', onBodyError);
  request.off('close', onBodyClose);
  read.done(outcome);
}

function onBodyData(this: ReadingRequest, chunk: Buffer): void {
  const read = this[BODY_READ];
  if (!read) return;
  read.length += chunk.byteLength;
  if (read.length > read.limit) {
    this.pause();
    read.first = undefined;
    read.chunks = undefined;
    stopReading(this, { kind: 'too-large' });
  } else if (read.first === undefined) read.first = chunk;
  else if (read.chunks === undefined) read.chunks = [read.first, chunk];
  else read.chunks.push(chunk);
}

function onBodyEnd(this: ReadingRequest): void {
  const read = this[BODY_READ];
  if (!read) return;
  stopReading(this, {
    kind: 'body',
    body: read.chunks ? Buffer.concat(read.chunks) : (read.first ?? EMPTY_BODY),
  });
}

function onBodyError(this: ReadingRequest): void {
  stopReading(this, { kind: 'aborted' });
}

function onBodyClose(this: ReadingRequest): void {
  if (!this.complete) stopReading(this, { kind: 'aborted' });
}

/**
 * Reads the body up to `limit` and hands the outcome to `done` exactly once. A callback rather than a
 * promise: the mock's common answer is then written in the same tick the last byte arrives.
 */
function readBody(request: ReadingRequest, limit: number, done: (outcome: Outcome) => void): void {
  request[BODY_READ] = { limit, length: 0, first: undefined, chunks: undefined, done };
  request.on('data', onBodyData);
  request.on('end', onBodyEnd);
  request.on('error', onBodyError);
  request.on('close', onBodyClose);
}

const EMPTY_BODY = new Uint8Array(0);

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

/** Flat lists of frozen (shared) header objects, computed once each. */
const flatOfShared = new WeakMap<Record<string, string>, readonly string[]>();

/** `{name: value}` as a fresh `[name, value, …]` the caller may extend. */
function flatHeaders(headers: Record<string, string>): string[] {
  const cached = flatOfShared.get(headers);
  if (cached) return cached.slice();
  const flat: string[] = [];
  for (const name in headers) flat.push(name, headers[name] as string);
  if (Object.isFrozen(headers)) flatOfShared.set(headers, flat.slice());
  return flat;
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  answer: MockResponse,
  closeAfter: boolean,
): void {
  if (response.headersSent || response.destroyed) return;
  // A flat [name, value, …] list spares Node a walk over an object's keys; content-length spares the
  // chunk-size framing that chunked encoding adds around the body.
  const headers = flatHeaders(answer.headers);
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

function toFetchRequest(request: IncomingMessage, url: string, body: Uint8Array): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i] ?? '';
    try {
      headers.append(name, request.rawHeaders[i + 1] ?? '');
    } catch {
      // A header the fetch API refuses cannot matter to the mock's contract; drop it.
    }
  }
  const method = request.method ?? 'GET';
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

type AnswerBatch = { add(request: IncomingMessage, response: ServerResponse, answer: MockResponse): void };

/**
 * Answers computed in one turn of the event loop, written together at its end. Each write to an idle
 * client wakes it, and that wake-up is most of the cost of a write (on a small VM it measured ~25 µs
 * per answer against ~7 µs when the answers of a turn leave back to back); the delay is one turn.
 */
function answerBatch(): AnswerBatch {
  let pending: Array<{ request: IncomingMessage; response: ServerResponse; answer: MockResponse }> = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    for (const { request, response, answer } of batch) send(request, response, answer, false);
  };
  return {
    add(request, response, answer) {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ request, response, answer });
    },
  };
}

/** Only a defect of the mock or of a `wrap` gets here; answer rather than crash. */
function failed(
  responder: MockResponder,
  request: IncomingMessage,
  response: ServerResponse,
  error: unknown,
): void {
  const reason = error instanceof Error ? error.message : String(error);
  if (!response.headersSent) send(request, response, responder.notHttp(reason), true);
  else response.destroy();
}

/** The mock without `wrap`: synchronous from the last body byte to the answer unless the answer needs a promise. */
function serve(
  responder: MockResponder,
  answers: AnswerBatch,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const path = requestPath(request.url ?? '/');
  const method = (request.method ?? 'GET').toUpperCase();
  const contentType = request.headers['content-type'] ?? null;
  const early = responder.beforeBody(method, path, contentType, declaredLength(request));
  if (early) {
    send(request, response, early, hasLargeUnreadBody(request));
    return;
  }
  readBody(request, responder.maxBodyBytes, (outcome) => {
    if (outcome.kind === 'aborted') return;
    if (outcome.kind === 'too-large') {
      send(request, response, responder.tooLarge(), true);
      return;
    }
    let answer: MockResponse | Promise<MockResponse>;
    try {
      answer = responder.respond({ method, path, contentType, body: outcome.body });
    } catch (error) {
      failed(responder, request, response, error);
      return;
    }
    if (answer instanceof Promise) {
      answer.then(
        (settled) => send(request, response, settled, false),
        (error: unknown) => failed(responder, request, response, error),
      );
    } else {
      answers.add(request, response, answer);
    }
  });
}

/** The mock behind a `wrap`: through fetch `Request`/`Response`, as the wrapper expects. */
async function serveWrapped(
  responder: MockResponder,
  wrapped: (request: Request) => Promise<Response>,
  origin: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if ((declaredLength(request) ?? 0) > responder.maxBodyBytes) {
    send(request, response, responder.tooLarge(), true);
    return;
  }
  const outcome = await new Promise<Outcome>((resolve) => readBody(request, responder.maxBodyBytes, resolve));
  if (outcome.kind === 'aborted') return;
  if (outcome.kind === 'too-large') {
    send(request, response, responder.tooLarge(), true);
    return;
  }
  const answer = await wrapped(toFetchRequest(request, `${origin}${request.url ?? '/'}`, outcome.body));
  send(request, response, await fromFetchResponse(answer), false);
}

export async function startMockServer(options: StartMockServerOptions): Promise<RunningMockServer> {
  const responder = createMockResponder(options);
  const app = mockAppOf(responder);
  const wrapped = options.wrap ? options.wrap((request) => app.handle(request)) : undefined;
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const answers = answerBatch();
  const server = createServer(
    wrapped
      ? (request, response) => {
          serveWrapped(responder, wrapped, origin, request, response).catch((error: unknown) =>
            failed(responder, request, response, error),
          );
        }
      : (request, response) => {
          try {
            serve(responder, answers, request, response);
          } catch (error) {
            failed(responder, request, response, error);
          }
        },
  );
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
