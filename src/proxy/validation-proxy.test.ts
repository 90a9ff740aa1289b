/**
 * The validation proxy in front of the reference mock (and of targets that misbehave): answers
 * pass unchanged, findings name their rules (C-…), `--reject` keeps MUST-breaking requests from the
 * target, and a hanging or garbage-speaking target gets 504 / 502 in the profile's envelope.
 */
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../server/start-mock-server.ts';
import { type ProxyFinding, summaryTable } from './proxy-finding.ts';
import {
  type RunningValidationProxy,
  startValidationProxy,
  type ValidationProxyOptions,
} from './validation-proxy.ts';

const SEND_EMAIL = '/v2/email/outbound-emails';
const VALID = {
  FromEmailAddress: 'sender@example.com',
  Destination: { ToAddresses: ['a@example.com'] },
  Content: { Simple: { Subject: { Data: 'Grüße' }, Body: { Text: { Data: 'Hello' } } } },
};
const INVALID = { ...VALID, FromEmailAddress: 'no-at-sign' };
/** Breaks C-ADDR3 (SHOULD) only: a 65-octet local part. */
const LONG_LOCAL_PART = { ...VALID, Destination: { ToAddresses: [`${'a'.repeat(65)}@example.com`] } };

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function mock(options: Parameters<typeof startMockServer>[0]): Promise<RunningMockServer> {
  const server = await startMockServer(options);
  running.push(server);
  return server;
}

/** The mock, recording the path and headers of every request that reaches it. */
async function recordingMock(profile: 'documented' | 'aws' = 'documented', seed = 7) {
  const seen: Array<{ url: string; headers: Headers }> = [];
  const server = await mock({
    profile,
    seed,
    wrap: (handle) => (request) => {
      seen.push({ url: request.url, headers: request.headers });
      return handle(request);
    },
  });
  return { server, seen };
}

async function proxy(
  options: Omit<ValidationProxyOptions, 'onFinding'>,
): Promise<{ proxy: RunningValidationProxy; findings: ProxyFinding[] }> {
  const findings: ProxyFinding[] = [];
  const started = await startValidationProxy({ ...options, onFinding: (f) => findings.push(f) });
  running.push(started);
  return { proxy: started, findings };
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${SEND_EMAIL}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const kept: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    // Headers of the connection, and the time it was answered at.
    if (!['date', 'connection', 'keep-alive'].includes(name)) kept[name] = value;
  });
  return { status: response.status, headers: kept, body: text };
}

async function listening(server: Server): Promise<string> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('validation proxy in front of the reference mock', () => {
  it.each(['documented', 'aws'] as const)(
    '%s: a valid request gets the answer the target gives without the proxy, and no finding',
    async (profile) => {
      const direct = await mock({ profile, seed: 11 });
      const behind = await mock({ profile, seed: 11 });
      const { proxy: p, findings } = await proxy({ target: behind.url, profile });
      const expected = await post(direct.url, VALID);
      const through = await post(p.url, VALID);
      expect(through).toEqual(expected);
      expect(through.status).toBe(200);
      expect(findings).toEqual([]);
      expect(p.tally).toMatchObject({ requests: 1, checked: 1, forwarded: 1, rejected: 0 });
    },
  );

  it('forwards an invalid request and logs its rule (C-ADDR1) with the request id; the answer is the target’s', async () => {
    const { server, seen } = await recordingMock();
    const { proxy: p, findings } = await proxy({ target: server.url, profile: 'documented' });
    const answer = await post(p.url, INVALID);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
    expect(seen).toHaveLength(1);
    expect(findings).toEqual([
      expect.objectContaining({
        request: 'r1',
        side: 'request',
        rule: 'C-ADDR1',
        level: 'MUST',
        path: '/FromEmailAddress',
        action: 'forwarded',
        status: 400,
      }),
    ]);
  });

  it('keeps headers as sent (Host and a SigV4 signature) and the base path of the target', async () => {
    const { server, seen } = await recordingMock();
    const { proxy: p } = await proxy({ target: `${server.url}/`, profile: 'documented' });
    const signature = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/ses/aws4_request, x';
    await post(p.url, VALID, { authorization: signature, 'x-amz-date': '20260101T000000Z' });
    const headers = seen[0]?.headers;
    expect(headers?.get('authorization')).toBe(signature);
    expect(headers?.get('x-amz-date')).toBe('20260101T000000Z');
    expect(headers?.get('host')).toBe(new URL(p.url).host);
    expect(new URL(seen[0]?.url ?? '').pathname).toBe(SEND_EMAIL);
  });

  it('with reject, answers a MUST-breaking request itself in the profile’s envelope; it never reaches the target', async () => {
    const { server, seen } = await recordingMock('aws');
    const { proxy: p, findings } = await proxy({ target: server.url, profile: 'aws', reject: true });
    const refused = await post(p.url, INVALID);
    expect(refused.status).toBe(400);
    expect(refused.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(refused.body).toContain('C-ADDR1');
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(seen).toHaveLength(0);
    expect(findings).toEqual([expect.objectContaining({ rule: 'C-ADDR1', action: 'rejected', status: 400 })]);
    const accepted = await post(p.url, VALID);
    expect(accepted.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(p.tally).toMatchObject({ requests: 2, rejected: 1, forwarded: 1 });
  });

  it('checks the answer: a target that accepts what breaks C-ADDR1 is a response finding under C-ADDR1', async () => {
    const lax = await mock({ profile: 'documented', validators: { sendEmail: () => [] } });
    const { proxy: p, findings } = await proxy({ target: lax.url, profile: 'documented' });
    const answer = await post(p.url, INVALID);
    expect(answer.status).toBe(200);
    expect(findings.map((f) => [f.side, f.rule])).toEqual([
      ['request', 'C-ADDR1'],
      ['response', 'C-ADDR1'],
    ]);
  });

  it('a request breaking only a SHOULD rule (C-ADDR3) is unreported, and a strict target’s 400 for it is no finding', async () => {
    const strictMock = await mock({ profile: 'documented', strict: true });
    const { proxy: p, findings } = await proxy({ target: strictMock.url, profile: 'documented' });
    const answer = await post(p.url, LONG_LOCAL_PART);
    expect(answer.status).toBe(400);
    expect(findings).toEqual([]);
  });

  it('--strict reports a SHOULD violation (C-ADDR3), forwards it even under reject, and checks its acceptance as conform --strict does', async () => {
    const { server, seen } = await recordingMock();
    const { proxy: p, findings } = await proxy({
      target: server.url,
      profile: 'documented',
      strict: true,
      reject: true,
    });
    const answer = await post(p.url, LONG_LOCAL_PART);
    expect(answer.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(findings).toEqual([
      expect.objectContaining({ side: 'request', rule: 'C-ADDR3', level: 'SHOULD', action: 'forwarded' }),
      expect.objectContaining({ side: 'response', rule: 'C-ADDR3', status: 200 }),
    ]);
  });

  it('a SHOULD-only request the target answers 500 is a response finding even when not strict', async () => {
    const failing = await mock({
      profile: 'documented',
      validators: {
        sendEmail: () => {
          throw new Error('boom');
        },
      },
    });
    const { proxy: p, findings } = await proxy({ target: failing.url, profile: 'documented' });
    const answer = await post(p.url, LONG_LOCAL_PART);
    expect(answer.status).toBe(500);
    expect(findings).toEqual([expect.objectContaining({ side: 'response', rule: 'C-W3', status: 500 })]);
  });

  it('an account-state refusal of a valid request (SendingPausedException) is no finding; a validation refusal is', async () => {
    const target = await mock({ profile: 'aws' });
    const { proxy: p, findings } = await proxy({ target: target.url, profile: 'aws' });
    // Real SES refuses well-formed sends for account reasons; the target did not call the request invalid.
    const paused = await post(p.url, VALID, { prefer: 'error=SendingPausedException' });
    expect(paused.status).toBe(400);
    expect(findings).toEqual([]);
    const refused = await post(p.url, VALID, { prefer: 'error=BadRequestException' });
    expect(refused.status).toBe(400);
    expect(findings).toEqual([expect.objectContaining({ side: 'response', rule: 'C-A1', status: 400 })]);
  });

  it('checks the answer of the wrong profile: an aws proxy before a documented target finds C-A1', async () => {
    const target = await mock({ profile: 'documented' });
    const { proxy: p, findings } = await proxy({ target: target.url, profile: 'aws' });
    await post(p.url, VALID);
    expect(findings).toEqual([expect.objectContaining({ side: 'response', rule: 'C-A1', status: 200 })]);
  });

  it('says in its summary which --profile a target of the other profile looks like, and only then', async () => {
    const documented = await mock({ profile: 'documented' });
    const wrong = await proxy({ target: documented.url, profile: 'aws' });
    await post(wrong.proxy.url, VALID);
    await post(wrong.proxy.url, INVALID);
    expect(wrong.proxy.tally).toMatchObject({ faultedAnswers: 2, otherProfileAnswers: 2 });
    expect(summaryTable(wrong.proxy.tally)).toMatch(
      /\n2 of the 2 answers found at fault have the documented profile's shape: .*--profile documented\.\n$/,
    );

    // A target of the right profile that accepts what it should refuse: a finding, and no hint.
    const lax = await mock({ profile: 'aws', validators: { sendEmail: () => [] } });
    const right = await proxy({ target: lax.url, profile: 'aws' });
    await post(right.proxy.url, INVALID);
    expect(right.findings).toContainEqual(expect.objectContaining({ side: 'response', rule: 'C-ADDR1' }));
    expect(right.proxy.tally).toMatchObject({ faultedAnswers: 1, otherProfileAnswers: 0 });
    expect(summaryTable(right.proxy.tally)).not.toMatch(/profile's shape/);
  });

  it('a body over the limit streams on to the target and is logged as C-MIME9; with reject it is refused (413)', async () => {
    const { server, seen } = await recordingMock();
    const big = JSON.stringify({ ...VALID, Padding: 'x'.repeat(64 * 1024) });
    const forwarding = await proxy({ target: server.url, profile: 'documented', maxBodyBytes: 4096 });
    // The mock's own limit is 42 MiB and it ignores unknown members: it accepts, and that answer is
    // a finding too.
    const answer = await post(forwarding.proxy.url, big);
    expect(answer.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(forwarding.findings.map((f) => [f.side, f.rule, f.action])).toEqual([
      ['request', 'C-MIME9', 'forwarded'],
      ['response', 'C-MIME9', undefined],
    ]);
    const rejecting = await proxy({
      target: server.url,
      profile: 'documented',
      maxBodyBytes: 4096,
      reject: true,
    });
    const refused = await post(rejecting.proxy.url, big);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(seen).toHaveLength(1);
  });
});

describe('validation proxy in front of a failing target', () => {
  it('a target that never answers gets the client a 504 in the documented envelope, logged', async () => {
    const hanging = createHttpServer(() => undefined);
    const target = await listening(hanging);
    const { proxy: p, findings } = await proxy({ target, profile: 'documented', timeoutMs: 300 });
    const answer = await post(p.url, VALID);
    expect(answer.status).toBe(504);
    expect(JSON.parse(answer.body)).toMatchObject({ success: false, error: { code: 'GATEWAY_TIMEOUT' } });
    expect(findings).toEqual([expect.objectContaining({ side: 'target', status: 504 })]);
    expect(p.tally.targetFailures).toBe(1);
  });

  it('a target that answers garbage, or resets, gets a 502 in the aws shape; the proxy keeps serving', async () => {
    const garbage = await listening(
      createNetServer((socket) => socket.end('this is not HTTP at all\r\n\r\n')),
    );
    const resetting = await listening(createNetServer((socket) => socket.resetAndDestroy()));
    for (const target of [garbage, resetting]) {
      const { proxy: p, findings } = await proxy({ target, profile: 'aws' });
      for (const body of [VALID, INVALID]) {
        const answer = await post(p.url, body);
        expect(answer.status).toBe(502);
        expect(answer.headers['x-amzn-errortype']).toBe('InternalFailure');
        expect(JSON.parse(answer.body)).toHaveProperty('message');
      }
      expect(findings.filter((f) => f.side === 'target')).toHaveLength(2);
      // The invalid request is still checked.
      expect(findings.filter((f) => f.side === 'request').map((f) => f.rule)).toEqual(['C-ADDR1']);
    }
  });
});
