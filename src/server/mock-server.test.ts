import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specSchema } from '../contract/schema/spec-ajv.ts';
import {
  bulkWithBadEntryData,
  bulkWithBadEntryRecipient,
  bulkWithoutTemplate,
  SEND_BULK_EMAIL_PATH,
  SEND_EMAIL_PATH,
  sendEmailWithUnicodeDomain,
  validSendBulkEmail,
  validSendEmail,
} from './sample-requests.test-support.ts';
import { type RunningMockServer, startMockServer } from './start-mock-server.ts';

type Answer = { status: number; headers: Headers; json: Record<string, unknown> };

async function post(server: RunningMockServer, path: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

function expectSchema(profile: 'documented' | 'aws', name: string, value: unknown): void {
  const validate = specSchema(profile, name);
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
}

const rulesOf = (answer: Answer) =>
  ((answer.json.error as { details: Array<{ rule: string }> }).details ?? []).map((d) => d.rule);

describe('reference mock, documented profile', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ profile: 'documented' });
  });
  afterAll(() => server.close());

  it('accepts the spec example of SendEmail with a success envelope and unique ids (C-W1, C-W4, C-W5)', async () => {
    const first = await post(server, SEND_EMAIL_PATH, validSendEmail());
    const second = await post(server, SEND_EMAIL_PATH, validSendEmail());
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expectSchema('documented', 'SuccessEnvelope', first.json);
    const ids = [first, second].map((a) => (a.json.data as { id: string }).id);
    expect(new Set(ids).size).toBe(2);
    const createdAt = Date.parse((first.json.data as { created_at: string }).created_at);
    expect(Math.abs(createdAt - Date.now())).toBeLessThan(5 * 60_000);
  });

  it('accepts the spec example of SendBulkEmail', async () => {
    const answer = await post(server, SEND_BULK_EMAIL_PATH, validSendBulkEmail());
    expect(answer.status).toBe(200);
    expectSchema('documented', 'SuccessEnvelope', answer.json);
    // The reference's envelope, member for member: nothing the spec does not describe.
    expect(Object.keys((answer.json as { data: object }).data).sort()).toEqual(['created_at', 'id']);
  });

  it('rejects a broken SendEmail with 400 VALIDATION_ERROR naming the rule (C-W2, C-W3)', async () => {
    const answer = await post(server, SEND_EMAIL_PATH, sendEmailWithUnicodeDomain());
    expect(answer.status).toBe(400);
    expectSchema('documented', 'ErrorEnvelope', answer.json);
    expect(answer.json.error).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(rulesOf(answer)).toEqual(['C-ADDR4']);
    expect((answer.json.error as { message: string }).message).toMatch(
      /^C-ADDR4 \/Destination\/ToAddresses\/0: /,
    );
  });

  it.each([
    ['a bad entry recipient', bulkWithBadEntryRecipient(), 'C-BULK3'],
    ['bad entry replacement data', bulkWithBadEntryData(), 'C-BULK4'],
    ['no template source', bulkWithoutTemplate(), 'C-CONT6'],
  ])('rejects a whole SendBulkEmail with %s (one id per request)', async (_name, body, rule) => {
    const answer = await post(server, SEND_BULK_EMAIL_PATH, body);
    expect(answer.status).toBe(400);
    expectSchema('documented', 'ErrorEnvelope', answer.json);
    expect(rulesOf(answer)).toContain(rule);
  });

  it('lists every distinct rule broken even when the violations are many (strict)', async () => {
    const strictServer = await startMockServer({ profile: 'documented', strict: true });
    const body = validSendEmail();
    body.Destination = { ToAddresses: Array.from({ length: 60 }, (_, i) => `bad${i}@@example.com`) };
    body.Bogus = true;
    try {
      const answer = await post(strictServer, SEND_EMAIL_PATH, body);
      expect(answer.status).toBe(400);
      expect(new Set(rulesOf(answer))).toEqual(new Set(['C-DEST1', 'C-ADDR1', 'C-REQ3']));
      const message = (answer.json.error as { message: string }).message;
      for (const rule of ['C-DEST1', 'C-ADDR1', 'C-REQ3']) expect(message).toContain(rule);
      expect(message).toMatch(/and \d+ more$/);
    } finally {
      await strictServer.close();
    }
  });

  it('applies MUST rules by default and SHOULD rules only when strict: an unknown member (C-REQ3) is accepted, then refused', async () => {
    const body = { ...validSendEmail(), ToAdresses: ['a@example.com'] };
    expect((await post(server, SEND_EMAIL_PATH, body)).status).toBe(200);
    const strictServer = await startMockServer({ profile: 'documented', strict: true });
    try {
      const answer = await post(strictServer, SEND_EMAIL_PATH, body);
      expect(answer.status).toBe(400);
      expect(rulesOf(answer)).toEqual(['C-REQ3']);
    } finally {
      await strictServer.close();
    }
  });
});

describe('reference mock, aws profile', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ profile: 'aws' });
  });
  afterAll(() => server.close());

  it('answers SendEmail with a MessageId and a request id (C-A1)', async () => {
    const answer = await post(server, SEND_EMAIL_PATH, validSendEmail());
    expect(answer.status).toBe(200);
    expectSchema('aws', 'SendEmailResponse', answer.json);
    expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers SendBulkEmail with one SUCCESS result per entry, in order (C-A2)', async () => {
    const answer = await post(server, SEND_BULK_EMAIL_PATH, validSendBulkEmail());
    expect(answer.status).toBe(200);
    expectSchema('aws', 'SendBulkEmailResponse', answer.json);
    const results = answer.json.BulkEmailEntryResults as Array<{ Status: string; MessageId?: string }>;
    expect(results.map((r) => r.Status)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(new Set(results.map((r) => r.MessageId)).size).toBe(2);
  });

  it.each([
    ['a bad recipient', bulkWithBadEntryRecipient(), 1, 'MESSAGE_REJECTED', 'C-BULK3'],
    ['bad replacement data', bulkWithBadEntryData(), 0, 'INVALID_PARAMETER', 'C-BULK4'],
  ])(
    'fails only the entry with %s and sends the others (C-A5)',
    async (_name, body, failed, status, rule) => {
      const answer = await post(server, SEND_BULK_EMAIL_PATH, body);
      expect(answer.status).toBe(200);
      expectSchema('aws', 'SendBulkEmailResponse', answer.json);
      const results = answer.json.BulkEmailEntryResults as Array<Record<string, string>>;
      expect(results).toHaveLength(2);
      expect(results[failed]).toEqual({
        Status: status,
        Error: expect.stringMatching(new RegExp(`^${rule} `)),
      });
      expect(results[1 - failed]).toEqual({ Status: 'SUCCESS', MessageId: expect.any(String) });
    },
  );

  it.each([
    ['SendEmail', SEND_EMAIL_PATH, sendEmailWithUnicodeDomain(), 'C-ADDR4'],
    ['SendBulkEmail', SEND_BULK_EMAIL_PATH, bulkWithoutTemplate(), 'C-CONT6'],
  ])('rejects a broken %s with 400 BadRequestException (C-A3)', async (_name, path, body, rule) => {
    const answer = await post(server, path, body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expectSchema('aws', 'AwsError', answer.json);
    expect(answer.json.message).toMatch(new RegExp(`^${rule} `));
  });
});

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

describe('the inbox', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ profile: 'documented', maxStoredMessages: 3 });
  });
  afterAll(() => server.close());

  const rawMessage = [
    'From: Sender <sender@example.com>',
    'To: alice@example.com',
    'Subject: =?UTF-8?B?SGFsbG8gSsO8cmdlbg==?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'plain words',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p onclick="x()">html <script>alert(1)</script>words</p>',
    '--b1--',
    '',
  ].join('\r\n');

  it('keeps accepted messages newest first, bounded, with raw MIME parsed; DELETE empties it', async () => {
    await fetch(`${server.url}/_mock/messages`, { method: 'DELETE' });
    const sent: string[] = [];
    for (const subject of ['one', 'two', 'three']) {
      const body = validSendEmail();
      (body.Content as { Simple: { Subject: { Data: string } } }).Simple.Subject.Data = subject;
      sent.push(((await post(server, SEND_EMAIL_PATH, body)).json.data as { id: string }).id);
    }
    const raw = await post(server, SEND_EMAIL_PATH, {
      FromEmailAddress: 'sender@example.com',
      Content: { Raw: { Data: base64(rawMessage) } },
    });
    expect(raw.status).toBe(200);
    await post(server, SEND_EMAIL_PATH, sendEmailWithUnicodeDomain());

    const listed = await (await fetch(`${server.url}/_mock/messages`)).json();
    const messages = listed.messages as Array<Record<string, unknown>>;
    expect(messages.map((m) => m.subject)).toEqual(['Hallo Jürgen', 'three', 'two']);
    expect(messages[0]).toMatchObject({
      id: (raw.json.data as { id: string }).id,
      operation: 'SendEmail',
      from: 'sender@example.com',
      to: ['alice@example.com'],
      text: 'plain words\n',
      raw: { from: 'sender@example.com', to: ['alice@example.com'], subject: 'Hallo Jürgen' },
    });
    expect(messages[1]?.id).toBe(sent[2]);
    expect(messages[1]?.request).toEqual(expect.objectContaining({ FromEmailAddress: 'sender@example.com' }));

    const deleted = await (await fetch(`${server.url}/_mock/messages`, { method: 'DELETE' })).json();
    expect(deleted).toEqual({ deleted: 3 });
    expect((await (await fetch(`${server.url}/_mock/messages`)).json()).messages).toEqual([]);
  });

  it('shows messages as HTML with everything escaped and HTML bodies in a sandboxed srcdoc iframe', async () => {
    await fetch(`${server.url}/_mock/messages`, { method: 'DELETE' });
    const body = validSendEmail();
    body.Content = {
      Simple: {
        Subject: { Data: '<img src=x onerror=alert(1)>' },
        Body: { Text: { Data: 'a & b' }, Html: { Data: '<b>"bold"</b><script>alert(2)</script>' } },
      },
    };
    expect((await post(server, SEND_EMAIL_PATH, body)).status).toBe(200);
    const response = await fetch(`${server.url}/_mock`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<h2 class="subject">&lt;img src=x onerror=alert(1)&gt;</h2>');
    expect(html).toContain('<pre>a &amp; b</pre>');
    expect(html).toContain(
      '<iframe sandbox="" title="HTML body" srcdoc="&lt;b&gt;&quot;bold&quot;&lt;/b&gt;&lt;script&gt;alert(2)&lt;/script&gt;"></iframe>',
    );
    // The one script is the page's own poll, loaded from the mock (CSP script-src 'self').
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/_mock/inbox.js">']);
    expect(html).not.toContain('<img');
  });
});

describe('determinism with a seed', () => {
  async function run(seed: number, profile: 'documented' | 'aws'): Promise<unknown[]> {
    const server = await startMockServer({ profile, seed });
    try {
      const answers: unknown[] = [];
      for (const [path, body] of [
        [SEND_EMAIL_PATH, validSendEmail()],
        [SEND_EMAIL_PATH, sendEmailWithUnicodeDomain()],
        [SEND_BULK_EMAIL_PATH, validSendBulkEmail()],
        [SEND_EMAIL_PATH, validSendEmail()],
      ] as const) {
        const answer = await post(server, path, body);
        answers.push({
          status: answer.status,
          body: answer.json,
          requestId: answer.headers.get('x-amzn-requestid'),
        });
      }
      return answers;
    } finally {
      await server.close();
    }
  }

  it.each(['documented', 'aws'] as const)(
    'gives the same ids and timestamps for the same seed (%s)',
    async (profile) => {
      const first = await run(42, profile);
      expect(await run(42, profile)).toEqual(first);
      expect(await run(43, profile)).not.toEqual(first);
    },
  );

  it('starts seeded clocks at a fixed instant and advances them per id', async () => {
    const answers = (await run(7, 'documented')) as Array<{ body: { data?: { created_at: string } } }>;
    const times = answers.flatMap((a) => (a.body.data ? [Date.parse(a.body.data.created_at)] : []));
    const [first = Number.NaN, second = Number.NaN] = times;
    expect(times).toHaveLength(3);
    expect(second - first).toBe(1000);
    expect(new Date(first).toISOString().slice(0, 10)).toBe('2026-01-01');
  });
});
