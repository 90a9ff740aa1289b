import { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { headerList } from './arrived-body-fast-path.ts';
import { JSON_CORS_HEADERS } from './mock-response.ts';
import {
  bulkWithBadEntryRecipient,
  SEND_BULK_EMAIL_PATH,
  SEND_EMAIL_PATH,
  sendEmailWithUnicodeDomain,
  validSendBulkEmail,
  validSendEmail,
} from './sample-requests.test-support.ts';
import { type RunningMockServer, startMockServer } from './start-mock-server.ts';

/**
 * Which path a request took, seen from the stream: the streaming reader listens for `data`, the
 * fast path takes the body with one `read()` and never does.
 */
let streamedBodies = 0;
const originalOn = IncomingMessage.prototype.on;

beforeAll(() => {
  IncomingMessage.prototype.on = function on(this: IncomingMessage, event, listener) {
    if (event === 'data') streamedBodies += 1;
    return originalOn.call(this, event, listener);
  } as typeof originalOn;
});
afterAll(() => {
  IncomingMessage.prototype.on = originalOn;
});

/** `whole`: headers and body in one write; `split`: the body once the server waits for it; `chunked`. */
type Exchange = { head: string; body: Uint8Array; send: 'whole' | 'split' | 'chunked' };

/** The same request with its body chunked instead of declared. */
function chunkedFraming(head: string, body: Uint8Array): { head: string; body: Uint8Array } {
  const framed =
    body.length === 0 ? [] : [Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')];
  return {
    head: head.replace(/content-length: \d+\r\n/, 'transfer-encoding: chunked\r\n'),
    body: Buffer.concat([...framed, Buffer.from('0\r\n\r\n')]),
  };
}

function request(
  path: string,
  body: string | Uint8Array,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): { head: string; body: Uint8Array } {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const lines = Object.entries({ host: 'mock', ...headers, 'content-length': String(bytes.length) })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return { head: `POST ${path} HTTP/1.1\r\n${lines}\r\n`, body: bytes };
}

/** Until the server streams a body, or has answered without reading one. */
async function untilStreamedOrAnswered(before: number, answered: () => boolean): Promise<void> {
  for (let turn = 0; streamedBodies === before && !answered(); turn++) {
    if (turn > 100_000) throw new Error('the server neither read the body nor answered');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** One request on a fresh connection; the raw answer, without its Date header (a clock, not the mock). */
async function exchange(url: string, { head, body, send }: Exchange): Promise<string> {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  socket.setNoDelay(true);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let answered = false;
  const answer = new Promise<string>((resolve, reject) => {
    let seen = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      const end = seen.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(seen.subarray(0, end).toString())?.[1] ?? 0);
      if (seen.length >= end + 4 + length) {
        answered = true;
        resolve(seen.toString().replace(/\r\ndate: [^\r]*/i, ''));
      }
    });
    socket.on('error', reject);
  });
  if (send === 'chunked') {
    const framed = chunkedFraming(head, body);
    socket.write(Buffer.concat([Buffer.from(framed.head), framed.body]));
  } else if (send === 'split') {
    // The headers alone first; the body only once the server is waiting for it on the stream (or
    // has answered without it: a route that reads no body).
    const before = streamedBodies;
    socket.write(head);
    await untilStreamedOrAnswered(before, () => answered);
    socket.write(body);
  } else {
    socket.write(Buffer.concat([Buffer.from(head), body]));
  }
  try {
    return await answer;
  } finally {
    socket.destroy();
  }
}

const valid = JSON.stringify(validSendEmail());

const withoutLength = (answer: string) => answer.replace(/\r\ncontent-length: \d+/, '');

/**
 * Requests the fast path takes (a declared length, all of it sent with the headers), and whether
 * the pipeline reads their body (a route or media type it refuses first reads none).
 */
const CASES: Array<[string, { head: string; body: Uint8Array }, boolean]> = [
  ['valid SendEmail', request(SEND_EMAIL_PATH, valid), true],
  [
    'valid SendEmail, charset',
    request(SEND_EMAIL_PATH, valid, { 'content-type': 'application/json; charset=utf-8' }),
    true,
  ],
  [
    'invalid SendEmail (C-ADDR4)',
    request(SEND_EMAIL_PATH, JSON.stringify(sendEmailWithUnicodeDomain())),
    true,
  ],
  ['not JSON', request(SEND_EMAIL_PATH, '{"FromEmailAddress": '), true],
  ['not UTF-8', request(SEND_EMAIL_PATH, Uint8Array.of(0x7b, 0xff, 0x7d)), true],
  ['empty body', request(SEND_EMAIL_PATH, ''), true],
  ['text/plain', request(SEND_EMAIL_PATH, valid, { 'content-type': 'text/plain' }), false],
  [
    'Prefer: error',
    request(SEND_EMAIL_PATH, valid, {
      'content-type': 'application/json',
      prefer: 'error=SendingPausedException',
    }),
    true,
  ],
  ['unknown path', request('/v2/email/nowhere', valid), false],
  ['GET-only path', request('/_mock/messages', valid), false],
  ['valid SendBulkEmail', request(SEND_BULK_EMAIL_PATH, JSON.stringify(validSendBulkEmail())), true],
  ['bulk with a bad entry', request(SEND_BULK_EMAIL_PATH, JSON.stringify(bulkWithBadEntryRecipient())), true],
];

describe.each(['documented', 'aws'] as const)('node adapter fast path, %s profile', (profile) => {
  // Ids (and aws request ids) come from the seed: servers that got the same requests answer the same.
  const options = { profile, seed: 7, identities: ['example.com', 'example.org', 'example.net'] };
  let fast: RunningMockServer;
  beforeAll(async () => {
    fast = await startMockServer(options);
  });
  afterAll(() => fast.close());
  afterEach(() => {
    fast.app.messages.clear();
  });

  it.each(CASES)(
    'answers %s byte for byte as the streaming path, and stores the same',
    async (name, sent, readsBody) => {
      const servers = await Promise.all([1, 2, 3].map(() => startMockServer(options)));
      const [quickServer, splitServer, chunkedServer] = servers as [
        RunningMockServer,
        RunningMockServer,
        RunningMockServer,
      ];
      try {
        const before = streamedBodies;
        const quick = await exchange(quickServer.url, { ...sent, send: 'whole' });
        expect(streamedBodies, 'the fast path read it').toBe(before);
        const split = await exchange(splitServer.url, { ...sent, send: 'split' });
        const chunked = await exchange(chunkedServer.url, { ...sent, send: 'chunked' });
        // An empty declared body is all there with its headers however it is sent: only chunked streams.
        const streams = readsBody ? (sent.body.length === 0 ? 1 : 2) : 0;
        expect(streamedBodies, 'the streaming path read it').toBe(before + streams);
        expect(quick).toBe(split);
        // A chunked body the pipeline leaves unread closes the connection (its size is unknown).
        if (readsBody) expect(withoutLength(quick)).toBe(withoutLength(chunked));
        expect(quickServer.app.messages.list()).toEqual(splitServer.app.messages.list());
        expect(quickServer.app.messages.list()).toEqual(chunkedServer.app.messages.list());
        if (name.startsWith('valid')) expect(quickServer.app.messages.size).toBeGreaterThan(0);
      } finally {
        await Promise.all(servers.map((server) => server.close()));
      }
    },
  );

  it('declines a body that comes after its headers, which then goes through the whole pipeline', async () => {
    const before = streamedBodies;
    const answer = await exchange(fast.url, { ...request(SEND_EMAIL_PATH, valid), send: 'split' });
    expect(streamedBodies).toBe(before + 1);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toMatch(/\r\naccess-control-allow-origin: \*\r\n/);
    expect(fast.app.messages.size).toBe(1);
    expect(fast.app.messages.list()[0]?.request).toEqual(validSendEmail());
  });

  it('declines a chunked body, which the pipeline still validates (C-ADDR4) and envelopes', async () => {
    const before = streamedBodies;
    const answer = await exchange(fast.url, {
      ...request(SEND_EMAIL_PATH, JSON.stringify(sendEmailWithUnicodeDomain())),
      send: 'chunked',
    });
    expect(streamedBodies).toBe(before + 1);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('C-ADDR4');
    expect(fast.app.messages.size).toBe(0);
  });

  it('declines a declared length over the limit, which the pipeline refuses (413) unread', async () => {
    const small = await startMockServer({ profile, maxBodyBytes: 64 });
    try {
      const before = streamedBodies;
      const answer = await exchange(small.url, { ...request(SEND_EMAIL_PATH, valid), send: 'whole' });
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(streamedBodies).toBe(before);
      expect(small.app.messages.size).toBe(0);
    } finally {
      await small.close();
    }
  });
});

describe('headerList', () => {
  it('writes the shared JSON and CORS headers as the object holds them, in a list each caller may extend', () => {
    const first = headerList(JSON_CORS_HEADERS);
    expect(first).toEqual(Object.entries(JSON_CORS_HEADERS).flat());
    first.push('content-length', '2');
    expect(headerList(JSON_CORS_HEADERS)).toEqual(Object.entries(JSON_CORS_HEADERS).flat());
  });

  it('walks any other headers object', () => {
    expect(headerList({ 'content-type': 'text/html', allow: 'GET' })).toEqual([
      'content-type',
      'text/html',
      'allow',
      'GET',
    ]);
  });
});
