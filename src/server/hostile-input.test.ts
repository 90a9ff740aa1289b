import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specSchema } from '../contract/schema/spec-ajv.ts';
import { createMockApp } from './mock-app.ts';
import {
  SEND_BULK_EMAIL_PATH,
  SEND_EMAIL_PATH,
  validSendBulkEmail,
  validSendEmail,
} from './sample-requests.test-support.ts';
import { seededRandom } from './seeded-random.ts';
import { type RunningMockServer, startMockServer } from './start-mock-server.ts';

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

type Hostile = {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  status: number;
  /** Rule id expected in `error.details` (documented) / at the start of `message` (aws). */
  rule?: string;
  /** Words the answer's message must hold (aws `message`, documented `error.message` and details). */
  says?: RegExp;
};

const json = { 'content-type': 'application/json' };
const LIMIT = 16 * 1024;
const deepArray = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const deepObject = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;

/** One of each bad input of issue 4, and the two valid requests they are mixed with. */
function hostileCases(): Hostile[] {
  return [
    {
      name: 'valid SendEmail',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: json,
      body: JSON.stringify(validSendEmail()),
      status: 200,
    },
    {
      name: 'valid SendBulkEmail',
      method: 'POST',
      path: SEND_BULK_EMAIL_PATH,
      headers: json,
      body: JSON.stringify(validSendBulkEmail()),
      status: 200,
    },
    {
      name: 'valid, no Content-Type (read as JSON)',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      body: JSON.stringify(validSendEmail()),
      status: 200,
    },
    {
      name: 'malformed JSON',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: json,
      body: '{"FromEmailAddress":',
      status: 400,
      rule: 'C-REQ1',
      // The same words `validate` prints for a file: where the JSON stops.
      says: /the body is not JSON: Unexpected end of JSON input at line 1, column 21/,
    },
    {
      name: 'empty body',
      method: 'POST',
      path: SEND_BULK_EMAIL_PATH,
      headers: json,
      body: '',
      status: 400,
      rule: 'C-REQ1',
    },
    {
      name: 'JSON null',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: json,
      body: 'null',
      status: 400,
      rule: 'C-REQ1',
    },
    {
      name: 'JSON array',
      method: 'POST',
      path: SEND_BULK_EMAIL_PATH,
      headers: json,
      body: '[{}]',
      status: 400,
      rule: 'C-REQ1',
    },
    {
      name: 'invalid UTF-8',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: json,
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      status: 400,
      rule: 'C-REQ1',
    },
    {
      name: 'wrong types',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: json,
      body: JSON.stringify({ ...validSendEmail(), Destination: { ToAddresses: 'alice@example.com' } }),
      status: 400,
      rule: 'C-REQ2',
    },
    {
      name: 'deeply nested array',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: json,
      body: deepArray,
      status: 400,
      rule: 'C-REQ2',
    },
    {
      name: 'deeply nested object',
      method: 'POST',
      path: SEND_BULK_EMAIL_PATH,
      headers: json,
      body: deepObject,
      status: 400,
      rule: 'C-REQ2',
    },
    {
      name: '__proto__ member',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: json,
      body: `{"__proto__":{"polluted":true},${JSON.stringify(validSendEmail()).slice(1)}`,
      status: 400,
      rule: 'C-REQ3',
    },
    {
      name: 'constructor.prototype member',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: json,
      body: '{"constructor":{"prototype":{"polluted":true}}}',
      status: 400,
      rule: 'C-REQ3',
    },
    {
      name: 'wrong Content-Type',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(validSendEmail()),
      status: 415,
    },
    {
      name: 'form Content-Type',
      method: 'POST',
      path: SEND_BULK_EMAIL_PATH,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
      status: 415,
    },
    {
      name: 'body over the limit',
      method: 'POST',
      path: SEND_EMAIL_PATH,
      headers: json,
      body: `{"x":"${'a'.repeat(LIMIT)}"}`,
      status: 413,
    },
    {
      name: 'unknown path',
      method: 'POST',
      path: '/v2/email/outbound-mail',
      headers: json,
      body: '{}',
      status: 404,
    },
    { name: 'path traversal', method: 'GET', path: '/v2/email/../../etc/passwd', status: 404 },
    { name: 'wrong method', method: 'GET', path: SEND_EMAIL_PATH, status: 405 },
    {
      name: 'wrong method with body',
      method: 'PUT',
      path: SEND_BULK_EMAIL_PATH,
      headers: json,
      body: '{}',
      status: 405,
    },
    {
      name: 'wrong method on the inbox',
      method: 'POST',
      path: '/_mock/messages',
      headers: json,
      body: '{}',
      status: 405,
    },
  ];
}

/** Random bytes as a body: never valid JSON objects, so always C-REQ1 (or C-REQ2 when they happen to nest). */
function garbage(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => random() & 0xff);
}

function send(
  agent: Agent,
  url: string,
  c: Pick<Hostile, 'method' | 'path' | 'headers' | 'body'>,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const body =
      c.body === undefined
        ? undefined
        : typeof c.body === 'string'
          ? Buffer.from(c.body)
          : Buffer.from(c.body);
    const req = httpRequest(
      `${url}${c.path}`,
      {
        agent,
        method: c.method,
        headers: { ...c.headers, ...(body && { 'content-length': String(body.byteLength) }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Every answer is a contract envelope of its profile, and never a 5xx. */
function expectEnvelope(profile: 'documented' | 'aws', raw: Raw, context: string): Record<string, unknown> {
  expect(raw.status, context).toBeLessThan(500);
  expect(raw.headers['content-type'], context).toBe('application/json');
  const body = JSON.parse(raw.text) as Record<string, unknown>;
  if (profile === 'documented') {
    const validate = specSchema('documented', raw.status === 200 ? 'SuccessEnvelope' : 'ErrorEnvelope');
    expect(validate(body), `${context}: ${raw.text.slice(0, 300)}`).toBe(true);
  } else if (raw.status !== 200) {
    expect(specSchema('aws', 'AwsError')(body), context).toBe(true);
    expect(raw.headers['x-amzn-errortype'], context).toEqual(expect.any(String));
  }
  return body;
}

function rulesIn(profile: 'documented' | 'aws', body: Record<string, unknown>): string {
  if (profile === 'aws') return String(body.message);
  return ((body.error as { details?: Array<{ rule: string }> }).details ?? []).map((d) => d.rule).join(' ');
}

describe.each(['documented', 'aws'] as const)('hostile input, %s profile', (profile) => {
  let server: RunningMockServer;
  let agent: Agent;
  beforeAll(async () => {
    // Strict: some hostile members (`__proto__`, unknown names) break only the SHOULD rule C-REQ3.
    server = await startMockServer({ profile, maxBodyBytes: LIMIT, strict: true });
    agent = new Agent({ keepAlive: true, maxSockets: 4 });
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  it.each(hostileCases().map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const raw = await send(agent, server.url, c);
    expect(raw.status).toBe(c.status);
    const body = expectEnvelope(profile, raw, c.name);
    if (c.rule) expect(rulesIn(profile, body)).toContain(c.rule);
    if (c.says) expect(JSON.stringify(body)).toMatch(c.says);
    if (profile === 'documented' && c.status === 413)
      expect(body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    if (profile === 'documented' && c.status === 415) {
      expect(body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    if (c.status === 405) expect(raw.headers.allow).toMatch(/POST|GET/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 413 to a declared Content-Length over the limit before any body byte is sent', async () => {
    const raw = await new Promise<Raw>((resolve, reject) => {
      const req = httpRequest(`${server.url}${SEND_EMAIL_PATH}`, {
        method: 'POST',
        headers: { ...json, 'content-length': String(1024 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          req.destroy();
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          });
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(raw.status).toBe(413);
    expect(raw.headers.connection).toBe('close');
    expectEnvelope(profile, raw, 'declared length');
  });

  it('answers 413 to a chunked body as soon as it passes the limit, while the client is still sending', async () => {
    const total = 64 * 1024 * 1024;
    const { raw, written } = await new Promise<{ raw: Raw; written: number }>((resolve, reject) => {
      let written = 0;
      let answered = false;
      const req = httpRequest(`${server.url}${SEND_EMAIL_PATH}`, {
        method: 'POST',
        headers: { ...json, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        answered = true;
        const writtenAtAnswer = written;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          req.destroy();
          const text = Buffer.concat(chunks).toString();
          resolve({
            raw: { status: res.statusCode ?? 0, headers: res.headers, text },
            written: writtenAtAnswer,
          });
        });
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = () => {
        while (!answered && written < total) {
          written += chunk.byteLength;
          if (!req.write(chunk)) {
            req.once('drain', () => setImmediate(pump));
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    });
    expect(raw.status).toBe(413);
    expectEnvelope(profile, raw, 'chunked');
    // Loopback socket buffers hold a few MiB; the point is that the answer did not wait for the 64 MiB.
    expect(written).toBeLessThan(total / 4);
  });

  it('answers bytes that are not HTTP with a 400 envelope', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
        socket.write('HELLO there\r\n\r\n');
      });
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString()));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(
      rulesIn(
        profile,
        expectEnvelope(
          profile,
          {
            status: 400,
            headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'BadRequestException' },
            text: body,
          },
          'not HTTP',
        ),
      ),
    ).toContain('C-REQ1');
  });

  it('survives 10,000 hostile requests mixed with valid ones over keep-alive, never a 5xx', async () => {
    const cases = hostileCases();
    const random = seededRandom(2026);
    const count = profile === 'documented' ? 10_000 : 2_000;
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const c: Hostile =
          i % (cases.length + 1) === cases.length
            ? {
                name: 'random bytes',
                method: 'POST',
                path: SEND_EMAIL_PATH,
                headers: json,
                body: garbage(random, 1 + (random() % 200)),
                status: 400,
              }
            : (cases[i % (cases.length + 1)] as Hostile);
        const raw = await send(agent, server.url, c);
        expectEnvelope(profile, raw, `request ${i} (${c.name})`);
        expect(raw.status, `request ${i} (${c.name})`).toBe(c.status);
        statuses.set(raw.status, (statuses.get(raw.status) ?? 0) + 1);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect([...statuses.keys()].sort()).toEqual([200, 400, 404, 405, 413, 415]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await send(agent, server.url, cases[0] as Hostile)).status).toBe(200);
  }, 120_000);
});

describe.each(['documented', 'aws'] as const)('hostile input with every option on, %s profile', (profile) => {
  it('survives 10,000 hostile requests and forced errors: 5xx only when forced, every answer enveloped, the store holds exactly what was accepted', async () => {
    const server = await startMockServer({
      profile,
      maxBodyBytes: LIMIT,
      strict: true,
      identities: ['example.com', 'example.org', 'example.net'],
      sandbox: true,
      maxSendRate: 1_000_000,
      dailyQuota: 1_000_000_000,
      failRate: 0.05,
      seed: 7,
      latencyMs: 0,
      maxStoredMessages: 100_000,
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const forced = ['InternalFailure', 'ServiceUnavailable', 'SendingPausedException', 'NoSuchError'];
    const cases = hostileCases();
    const count = profile === 'documented' ? 10_000 : 2_000;
    const accepted = new Set<string>();
    const statuses = new Map<number, number>();
    let next = 0;
    try {
      const worker = async () => {
        while (next < count) {
          const i = next++;
          const base = cases[i % cases.length] as Hostile;
          const force = i % 7 === 0 ? forced[(i / 7) % forced.length] : undefined;
          const c = force ? { ...base, headers: { ...base.headers, prefer: `error=${force}` } } : base;
          const raw = await send(agent, server.url, c);
          const context = `request ${i} (${c.name}${force ? `, Prefer: error=${force}` : ''})`;
          const body = JSON.parse(raw.text) as Record<string, unknown>;
          // 5xx only when asked for: forced, or the fail rate's 503.
          if (raw.status >= 500) {
            expect(
              force === 'InternalFailure' || force === 'ServiceUnavailable' || raw.status === 503,
              context,
            ).toBe(true);
          }
          if (profile === 'documented') {
            const schema = raw.status === 200 ? 'SuccessEnvelope' : 'ErrorEnvelope';
            expect(specSchema('documented', schema)(body), `${context}: ${raw.text.slice(0, 300)}`).toBe(
              true,
            );
            if (raw.status === 200 && c.path === SEND_EMAIL_PATH) {
              accepted.add((body.data as { id: string }).id);
            }
          } else if (raw.status !== 200) {
            expect(specSchema('aws', 'AwsError')(body), context).toBe(true);
          } else if (c.path === SEND_EMAIL_PATH) {
            accepted.add(body.MessageId as string);
          }
          statuses.set(raw.status, (statuses.get(raw.status) ?? 0) + 1);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      expect(statuses.get(500)).toBeGreaterThan(0);
      expect(statuses.get(503)).toBeGreaterThan(0);
      expect(statuses.get(429)).toBeGreaterThan(0);
      expect(statuses.get(200)).toBeGreaterThan(0);
      const stored = server.app.messages.list().filter((m) => m.operation === 'SendEmail');
      expect(new Set(stored.map((m) => m.id))).toEqual(accepted);
    } finally {
      agent.destroy();
      await server.close();
    }
  }, 180_000);
});

describe('the fetch handler (MSW path) under hostile input', () => {
  it('stops reading an endless body at the limit and answers 413', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    });
    const app = createMockApp({ profile: 'documented', maxBodyBytes: 10_000 });
    const response = await app.handle(
      new Request(`http://mock.test${SEND_EMAIL_PATH}`, {
        method: 'POST',
        headers: json,
        body: endless,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ success: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10_000 + 64 * 1024);
  });

  it('answers a valid request like the server does, through fetch Request/Response', async () => {
    const app = createMockApp({ profile: 'aws', seed: 1 });
    const response = await app.handle(
      new Request(`http://mock.test${SEND_EMAIL_PATH}`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(validSendEmail()),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(specSchema('aws', 'SendEmailResponse')(await response.json())).toBe(true);
    expect(app.messages.size).toBe(1);
  });
});
