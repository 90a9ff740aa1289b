/**
 * The signing transport: the signature is checked against an independent SigV4 computation
 * (node:crypto, straight from the algorithm's description), and the wrapped request keeps its
 * bytes, method, headers and abort signal.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DUMMY_CREDENTIALS, sigv4Signer, sigv4Transport } from './sigv4-transport.ts';
import type { Transport } from './transport.ts';

const NOW = new Date('2026-03-04T05:06:07Z');

const sha256hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** SigV4 by the book, for a request with no query string. */
function expectedSignature(
  method: string,
  url: URL,
  headers: Record<string, string>,
  signed: string[],
  body: Uint8Array,
  region: string,
): string {
  const amzDate = headers['x-amz-date'] as string;
  const day = amzDate.slice(0, 8);
  const canonicalHeaders = signed.map((name) => `${name}:${(headers[name] ?? '').trim()}\n`).join('');
  const canonicalRequest = [
    method,
    url.pathname,
    '',
    canonicalHeaders,
    signed.join(';'),
    sha256hex(body),
  ].join('\n');
  const scope = `${day}/${region}/ses/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${DUMMY_CREDENTIALS.secretAccessKey}`, day);
  for (const part of [region, 'ses', 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/** A transport that keeps what it was given and answers 200. */
function capturing(): { transport: Transport; seen: Request[] } {
  const seen: Request[] = [];
  return {
    seen,
    transport: async (request) => {
      seen.push(request);
      return new Response('{}', { status: 200 });
    },
  };
}

describe('sigv4Signer', () => {
  it('signs host, content-type and x-amz-date with the dummy key, in the ses scope of the region', async () => {
    const url = 'http://127.0.0.1:8005/v2/email/outbound-emails';
    const body = new TextEncoder().encode('{"FromEmailAddress":"zoë@example.com"}');
    const headers = await sigv4Signer({ region: 'eu-west-1', now: () => NOW }).signatureHeaders({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(headers['x-amz-date']).toBe('20260304T050607Z');
    const match =
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260304\/eu-west-1\/ses\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        headers.authorization ?? '',
      );
    expect(match).not.toBeNull();
    const signed = (match?.[1] ?? '').split(';');
    expect(signed).toEqual(expect.arrayContaining(['host', 'content-type', 'x-amz-date']));
    const all = { 'content-type': 'application/json', host: '127.0.0.1:8005', ...headers };
    expect(match?.[2]).toBe(expectedSignature('POST', new URL(url), all, signed, body, 'eu-west-1'));
  });

  it('a different body gives a different signature', async () => {
    const signer = sigv4Signer({ region: 'us-east-1', now: () => NOW });
    const request = { method: 'POST', url: 'http://localhost:1/v2/email/outbound-emails', headers: {} };
    const a = await signer.signatureHeaders({ ...request, body: '{"a":1}' });
    const b = await signer.signatureHeaders({ ...request, body: '{"a":2}' });
    expect(a.authorization).not.toBe(b.authorization);
  });
});

describe('sigv4Transport', () => {
  it('forwards the same method, URL, headers and body bytes, plus a valid signature', async () => {
    const { transport, seen } = capturing();
    const body = '{"Subject":"Grüße \\ud83c"}';
    const url = 'http://127.0.0.1:4566/prod/v2/email/outbound-bulk-emails';
    const response = await sigv4Transport(transport, { region: 'us-east-1', now: () => NOW })(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
      }),
    );
    expect(response.status).toBe(200);
    const sent = seen[0] as Request;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe(url);
    expect(sent.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const bytes = new Uint8Array(await sent.arrayBuffer());
    expect(bytes).toEqual(new TextEncoder().encode(body));
    const authorization = sent.headers.get('authorization') ?? '';
    const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
    const headers: Record<string, string> = { host: '127.0.0.1:4566' };
    sent.headers.forEach((value, name) => {
      headers[name] = value;
    });
    expect(
      authorization.endsWith(expectedSignature('POST', new URL(url), headers, signed, bytes, 'us-east-1')),
    ).toBe(true);
  });

  it('keeps the abort signal, so the exchange timeout still cancels a signed request', async () => {
    const { transport, seen } = capturing();
    const controller = new AbortController();
    await sigv4Transport(transport, { region: 'us-east-1' })(
      new Request('http://localhost:1/x', { method: 'POST', body: '{}', signal: controller.signal }),
    );
    controller.abort(new Error('timeout'));
    expect(seen[0]?.signal.aborted).toBe(true);
  });
});

describe('sigv4Transport over plain parts', () => {
  it('signs the parts as they are and hands them to the inner plain sender, with no Request made', async () => {
    const sent: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
    const inner: Transport = Object.assign(
      async (): Promise<Response> => {
        throw new Error('the call signature must not be used when the inner transport sends plain parts');
      },
      {
        sendPlain: async (parts: { url: string; headers: Record<string, string>; body: string }) => {
          sent.push(parts);
          return { status: 200, headers: {}, body: '{}' };
        },
      },
    );
    const signing = sigv4Transport(inner, { region: 'eu-central-1', now: () => NOW });
    expect(signing.sendPlain).toBeTypeOf('function');
    const body = '{"Subject":"Grüße ✉"}';
    const url = 'http://127.0.0.1:4566/prod/v2/email/outbound-emails';
    const answer = await signing.sendPlain?.({
      method: 'POST',
      url,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body,
      signal: new AbortController().signal,
    });
    expect(answer?.status).toBe(200);
    const parts = sent[0] as (typeof sent)[number];
    expect(parts.body).toBe(body);
    expect(parts.headers['content-type']).toBe('application/json');
    const authorization = parts.headers.authorization ?? '';
    const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
    expect(signed).toEqual(expect.arrayContaining(['host', 'content-type', 'x-amz-date']));
    const bytes = new TextEncoder().encode(body);
    const headers = { host: '127.0.0.1:4566', ...parts.headers };
    expect(
      authorization.endsWith(expectedSignature('POST', new URL(url), headers, signed, bytes, 'eu-central-1')),
    ).toBe(true);
  });

  it('has no plain path when the inner transport has none', () => {
    expect(sigv4Transport(async () => new Response('{}'), { region: 'us-east-1' }).sendPlain).toBeUndefined();
  });
});
