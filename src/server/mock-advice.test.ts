/**
 * ADVISE end to end on the mock (issue 13, item 2): a request that only draws advice is accepted,
 * as SES accepts it, and the advice is kept on the stored message (`/_mock/messages`, the inbox).
 */
import { describe, expect, it } from 'vitest';
import { createMockApp, type MockApp } from './mock-app.ts';
import { SEND_BULK_EMAIL_PATH, SEND_EMAIL_PATH } from './sample-requests.test-support.ts';

const RAW_UNICODE_NAME = {
  FromEmailAddress: 's@example.com',
  Destination: { ToAddresses: ['Zoë <alice@example.org>'] },
  Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
};

const BULK_RAW_UNICODE_NAME = {
  FromEmailAddress: 's@example.com',
  DefaultContent: { Template: { TemplateContent: { Subject: 'x', Text: 'y' } } },
  BulkEmailEntries: [
    { Destination: { ToAddresses: ['bob@example.org'] } },
    { Destination: { ToAddresses: ['Zoë <alice@example.org>'] } },
  ],
};

async function post(app: MockApp, path: string, body: unknown): Promise<Response> {
  return app.handle(
    new Request(`http://mock.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

async function storedMessages(app: MockApp): Promise<Array<Record<string, unknown>>> {
  const response = await app.handle(new Request('http://mock.test/_mock/messages'));
  return ((await response.json()) as { messages: Array<Record<string, unknown>> }).messages;
}

describe.each(['documented', 'aws'] as const)('mock, %s profile: ADVISE', (profile) => {
  it('accepts a raw non-ASCII display name and stores one C-ADDR8 advice', async () => {
    const app = createMockApp({ profile });
    const response = await post(app, SEND_EMAIL_PATH, RAW_UNICODE_NAME);
    expect(response.status).toBe(200);
    const [message] = await storedMessages(app);
    expect(message?.advice).toEqual([
      {
        rule: 'C-ADDR8',
        clause: 'encoded-words',
        path: '/Destination/ToAddresses/0',
        message: expect.stringContaining('Zoë'),
      },
    ]);
    const inbox = await (await app.handle(new Request('http://mock.test/_mock'))).text();
    expect(inbox).toContain('<strong>C-ADDR8</strong> /Destination/ToAddresses/0');
  });

  it('stores no advice member for a request without advice', async () => {
    const app = createMockApp({ profile });
    const plain = { ...RAW_UNICODE_NAME, Destination: { ToAddresses: ['alice@example.org'] } };
    expect((await post(app, SEND_EMAIL_PATH, plain)).status).toBe(200);
    const [message] = await storedMessages(app);
    expect(message).toBeDefined();
    expect(message).not.toHaveProperty('advice');
    const inbox = await (await app.handle(new Request('http://mock.test/_mock'))).text();
    expect(inbox).not.toContain('class="advice"');
  });

  it('accepts every bulk entry whose only finding is advice, and stores the advice on the message', async () => {
    const app = createMockApp({ profile });
    const response = await post(app, SEND_BULK_EMAIL_PATH, BULK_RAW_UNICODE_NAME);
    expect(response.status).toBe(200);
    if (profile === 'aws') {
      const results = ((await response.json()) as { BulkEmailEntryResults: Array<{ Status: string }> })
        .BulkEmailEntryResults;
      expect(results.map((r) => r.Status)).toEqual(['SUCCESS', 'SUCCESS']);
    }
    const [message] = await storedMessages(app);
    const advice = message?.advice as Array<{ rule: string; path: string; cause?: string }>;
    expect(advice).toHaveLength(1);
    expect(advice[0]?.path).toBe('/BulkEmailEntries/1/Destination/ToAddresses/0');
    expect([advice[0]?.rule, advice[0]?.cause]).toContain('C-ADDR8');
  });
});
