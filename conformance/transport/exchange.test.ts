import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/server/start-mock-server.ts';
import type { ConformanceCase } from '../case.ts';
import { sendCase } from './exchange.ts';
import { httpTransport, type Transport } from './transport.ts';

type Seen = { method?: string; url?: string; headers: IncomingHttpHeaders; body: string };

let seen: Seen[] = [];
let hangNext = false;
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    seen.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    if (hangNext) return;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ echoed: 'ü' }));
  });
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The default transport without its plain-parts path: every case goes through a `Request`. */
const viaRequest: Transport = (request) => fetch(request);

const unicodeCase: ConformanceCase = {
  operation: 'send-email',
  body: {
    FromEmailAddress: 'sender@example.com',
    Content: { Simple: { Subject: { Data: 'Grüße ✉ 例子' } } },
  },
  contentType: ' text/plain ',
};

describe('sendCase', () => {
  it('sends the same bytes and records the same request with or without the plain-parts path', async () => {
    const exchanges = [];
    seen = [];
    for (const transport of [httpTransport(), viaRequest]) {
      exchanges.push(await sendCase(transport, unicodeCase, { baseUrl, timeoutMs: 5000 }));
    }
    const [parts, request] = exchanges;
    expect(httpTransport().sendPlain).toBeTypeOf('function');
    expect(parts?.request).toEqual(request?.request);
    expect(parts?.request.headers).toEqual({ accept: 'application/json', 'content-type': 'text/plain' });
    expect(parts?.response?.json).toEqual({ echoed: 'ü' });
    expect(request?.response?.json).toEqual({ echoed: 'ü' });
    expect(seen).toHaveLength(2);
    for (const s of seen) {
      expect(s.method).toBe('POST');
      expect(s.url).toBe('/prod/v2/email/outbound-emails');
      expect(s.headers['content-type']).toBe('text/plain');
      expect(s.headers.accept).toBe('application/json');
      expect(s.body).toBe(JSON.stringify(unicodeCase.body));
    }
  });

  it('turns a hung answer into a timeout error on the plain-parts path', async () => {
    hangNext = true;
    try {
      const exchange = await sendCase(httpTransport(), unicodeCase, { baseUrl, timeoutMs: 200 });
      expect(exchange.response).toBeUndefined();
      expect(exchange.error).toMatch(/timeout/);
    } finally {
      hangNext = false;
    }
  });

  it('reports a refused connection by its code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const exchange = await sendCase(httpTransport(), unicodeCase, {
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 2000,
    });
    expect(exchange.error).toMatch(/ECONNREFUSED/);
  });

  it('reads an answer sent before the body was taken whole (the mock refusing a body over its limit)', async () => {
    const mock = await startMockServer({ profile: 'documented', maxBodyBytes: 1024 });
    try {
      const big: ConformanceCase = {
        operation: 'send-email',
        text: `{"x":"${'a'.repeat(4 * 1024 * 1024)}"}`,
      };
      const exchange = await sendCase(httpTransport(), big, { baseUrl: mock.url, timeoutMs: 10_000 });
      expect(exchange.error).toBeUndefined();
      expect(exchange.response?.status).toBe(413);
      expect(exchange.response?.json).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    } finally {
      await mock.close();
    }
  });

  it('reports a connection the target resets as an error with its code', async () => {
    const resetting = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve));
    try {
      const exchange = await sendCase(httpTransport(), unicodeCase, {
        baseUrl: `http://127.0.0.1:${(resetting.address() as AddressInfo).port}`,
        timeoutMs: 5000,
      });
      expect(exchange.response).toBeUndefined();
      expect(exchange.error).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    } finally {
      await new Promise((resolve) => resetting.close(resolve));
    }
  });
});
