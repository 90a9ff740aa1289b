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

function readBody(request: IncomingMessage, limit: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const stop = (outcome: Outcome) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onAbort);
      request.off('close', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.byteLength;
      if (length > limit) {
        request.pause();
        chunks.length = 0;
        stop({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () =>
      stop({ kind: 'body', body: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks) });
    const onAbort = () => stop({ kind: 'aborted' });
    const onClose = () => {
      if (!request.complete) stop({ kind: 'aborted' });
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onAbort);
    request.on('close', onClose);
  });
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
  let headers = answer.headers;
  if (closeAfter) {
    headers = { ...headers, connection: 'close' };
    response.on('finish', () => {
      setTimeout(() => request.socket.destroy(), CLOSE_GRACE_MS).unref();
    });
  }
  response.writeHead(answer.status, headers);
  response.end(answer.status === 204 ? undefined : answer.body);
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

async function serve(
  responder: MockResponder,
  wrapped: ((request: Request) => Promise<Response>) | undefined,
  origin: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = requestPath(request.url ?? '/');
  const method = (request.method ?? 'GET').toUpperCase();
  const contentType = request.headers['content-type'] ?? null;
  if (!wrapped) {
    const early = responder.beforeBody(method, path, contentType, declaredLength(request));
    if (early) {
      send(request, response, early, hasLargeUnreadBody(request));
      return;
    }
  } else if ((declaredLength(request) ?? 0) > responder.maxBodyBytes) {
    send(request, response, responder.tooLarge(), true);
    return;
  }
  const outcome = await readBody(request, responder.maxBodyBytes);
  if (outcome.kind === 'aborted') return;
  if (outcome.kind === 'too-large') {
    send(request, response, responder.tooLarge(), true);
    return;
  }
  if (wrapped) {
    const answer = await wrapped(toFetchRequest(request, `${origin}${request.url ?? '/'}`, outcome.body));
    send(request, response, await fromFetchResponse(answer), false);
    return;
  }
  send(request, response, await responder.respond({ method, path, contentType, body: outcome.body }), false);
}

export async function startMockServer(options: StartMockServerOptions): Promise<RunningMockServer> {
  const responder = createMockResponder(options);
  const app = mockAppOf(responder);
  const wrapped = options.wrap ? options.wrap((request) => app.handle(request)) : undefined;
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const server = createServer((request, response) => {
    serve(responder, wrapped, origin, request, response).catch((error: unknown) => {
      // Only a defect of the mock or of a `wrap` gets here; answer rather than crash.
      const reason = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) send(request, response, responder.notHttp(reason), true);
      else response.destroy();
    });
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
