/**
 * Templates in the mock (issue 10; reference §7.3; C-CONT13, C-CONT14): stored templates rendered
 * with Handlebars and unescaped, a missing variable answered 200 and stored with a Rendering Failure
 * event, SendBulkEmail entries stored one message each with their merged data, an unknown stored
 * template answered 404 in each profile. The MSW handlers in Node store exactly what the mock does.
 */
import { describe, expect, it } from 'vitest';
import { setupSesMockServer } from '../../mocks/node.ts';
import { TemplateSyntaxError } from '../templates/stored-templates.ts';
import { createMockApp, type MockApp, type StoredMessage } from './mock-app.ts';
import { SEND_BULK_EMAIL_PATH, SEND_EMAIL_PATH } from './sample-requests.test-support.ts';

const TEMPLATES = {
  welcome: { Subject: 'Hi {{name}}', Html: '{{#if vip}}<b>VIP</b>{{/if}} {{name}}' },
  nested: { Subject: 'x={{a.x}} y={{a.y}}', Text: 'items={{list.length}}' },
};

function sendTemplate(template: Record<string, unknown>) {
  return {
    FromEmailAddress: 'sender@example.com',
    Destination: { ToAddresses: ['=?UTF-8?B?Wm/Dqw==?= <zoe@example.org>'] },
    Content: { Template: template },
  };
}

const BULK = {
  FromEmailAddress: 'sender@example.com',
  DefaultContent: {
    Template: { TemplateName: 'nested', TemplateData: '{"a":{"x":"defX","y":"defY"},"list":[1,2]}' },
  },
  BulkEmailEntries: [
    {
      Destination: { ToAddresses: ['one@example.org'] },
      ReplacementEmailContent: {
        ReplacementTemplate: { ReplacementTemplateData: '{"a":{"x":"repX"},"list":[3]}' },
      },
      ReplacementTags: [{ Name: 'entry', Value: 'first' }],
    },
    {
      Destination: { ToAddresses: ['two@example.org'] },
      ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '{"a":{"y":null}}' } },
    },
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

async function listed(app: MockApp): Promise<StoredMessage[]> {
  const response = await app.handle(new Request('http://mock.test/_mock/messages'));
  return ((await response.json()) as { messages: StoredMessage[] }).messages;
}

describe.each(['documented', 'aws'] as const)('mock with --templates, %s profile', (profile) => {
  it('stores welcome rendered and unescaped: subject Hi <i>Ann</i>, HTML with <b>VIP</b>, Send then Delivery', async () => {
    const app = createMockApp({ profile, templates: TEMPLATES });
    const data = JSON.stringify({ name: '<i>Ann</i>', vip: true });
    const response = await post(
      app,
      SEND_EMAIL_PATH,
      sendTemplate({ TemplateName: 'welcome', TemplateData: data }),
    );
    expect(response.status).toBe(200);
    const [message] = await listed(app);
    expect(message).toMatchObject({
      subject: 'Hi <i>Ann</i>',
      html: '<b>VIP</b> <i>Ann</i>',
      template: { name: 'welcome', data: { name: '<i>Ann</i>', vip: true }, rendering: 'rendered' },
      events: [{ eventType: 'Send' }, { eventType: 'Delivery', delivery: { recipients: expect.any(Array) } }],
    });
    expect(message?.events?.[1]).toEqual({
      eventType: 'Delivery',
      delivery: { recipients: [...(message?.to ?? []), ...(message?.cc ?? []), ...(message?.bcc ?? [])] },
    });
    expect((message?.to ?? []).length).toBeGreaterThan(0);
    const inbox = await (await app.handle(new Request('http://mock.test/_mock'))).text();
    expect(inbox).toContain('<h2 class="subject">Hi &lt;i&gt;Ann&lt;/i&gt;</h2>');
    expect(inbox).toContain('srcdoc="&lt;b&gt;VIP&lt;/b&gt; &lt;i&gt;Ann&lt;/i&gt;"');
    expect(inbox).toContain('Zoë &lt;zoe@example.org&gt;');
  });

  it('answers 200 to TemplateData {} and stores Send then Rendering Failure naming name', async () => {
    const app = createMockApp({ profile, templates: TEMPLATES });
    const response = await post(
      app,
      SEND_EMAIL_PATH,
      sendTemplate({ TemplateName: 'welcome', TemplateData: '{}' }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { MessageId?: string; data?: { id: string } };
    const [message] = await listed(app);
    expect(message?.id).toBe(body.MessageId ?? body.data?.id);
    expect(message?.events).toEqual([
      { eventType: 'Send' },
      {
        eventType: 'Rendering Failure',
        failure: {
          errorMessage: "Attribute 'name' is not present in the rendering data.",
          templateName: 'welcome',
        },
      },
    ]);
    expect(message?.template).toMatchObject({ rendering: 'failed', missingVariable: 'name' });
    expect(message).not.toHaveProperty('subject');
    const inbox = await (await app.handle(new Request('http://mock.test/_mock'))).text();
    expect(inbox).toContain('Send → Rendering Failure');
  });

  it('selects by the name part of TemplateArn', async () => {
    const app = createMockApp({ profile, templates: TEMPLATES });
    const arn = 'arn:aws:ses:us-east-1:123456789012:template/welcome';
    expect(
      (await post(app, SEND_EMAIL_PATH, sendTemplate({ TemplateArn: arn, TemplateData: '{"name":"A"}' })))
        .status,
    ).toBe(200);
    expect((await listed(app))[0]?.subject).toBe('Hi A');
  });

  it('answers an unknown stored template with the profile NotFoundException (404) and stores nothing', async () => {
    const app = createMockApp({ profile, templates: TEMPLATES });
    for (const [path, body] of [
      [SEND_EMAIL_PATH, sendTemplate({ TemplateName: 'nope', TemplateData: '{}' })],
      [SEND_BULK_EMAIL_PATH, { ...BULK, DefaultContent: { Template: { TemplateName: 'nope' } } }],
    ] as const) {
      const response = await post(app, path, body);
      expect(response.status).toBe(404);
      const json = await response.json();
      if (profile === 'aws') {
        expect(response.headers.get('x-amzn-ErrorType')).toBe('NotFoundException');
        expect(json).toEqual({ message: 'Template nope does not exist.' });
      } else {
        expect(json).toEqual({
          success: false,
          error: { code: 'NOT_FOUND', message: 'Template nope does not exist.' },
        });
      }
    }
    expect(await listed(app)).toEqual([]);
  });

  it('stores each bulk entry as its own message with its merged data (a.x/a.y, list replaced whole)', async () => {
    const app = createMockApp({ profile, templates: TEMPLATES, seed: 3 });
    const response = await post(app, SEND_BULK_EMAIL_PATH, BULK);
    expect(response.status).toBe(200);
    const messages = (await listed(app)).reverse();
    expect(messages.map((m) => m.to)).toEqual([['one@example.org'], ['two@example.org']]);
    const [first, second] = messages;
    expect(first).toMatchObject({
      subject: 'x=repX y=defY',
      text: 'items=1',
      template: { data: { a: { x: 'repX', y: 'defY' }, list: [3] }, rendering: 'rendered' },
      tags: [{ name: 'entry', value: 'first' }],
      bulk: { entry: 0, entries: 2 },
    });
    // A null replacement value removes the default: SES drops that entry's message.
    expect(second?.template).toMatchObject({ rendering: 'failed', missingVariable: 'a.y' });
    expect(first?.bulk?.requestId).toBe(second?.bulk?.requestId);
    if (profile === 'aws') {
      const results = ((await response.json()) as { BulkEmailEntryResults: Array<{ MessageId: string }> })
        .BulkEmailEntryResults;
      expect(messages.map((m) => m.id)).toEqual(results.map((r) => r.MessageId));
      expect(new Set(messages.map((m) => m.id)).size).toBe(2);
    }
    const inbox = await (await app.handle(new Request('http://mock.test/_mock'))).text();
    expect(inbox).toContain('2 of 2 entries sent');
  });
});

describe('mock without templates', () => {
  it('accepts a stored-template send and keeps it unrendered, marked as such', async () => {
    const app = createMockApp({ profile: 'documented' });
    const response = await post(
      app,
      SEND_EMAIL_PATH,
      sendTemplate({ TemplateName: 'welcome', TemplateData: '{}' }),
    );
    expect(response.status).toBe(200);
    const [message] = await listed(app);
    expect(message?.template).toEqual({ name: 'welcome', data: {}, rendering: 'unrendered' });
    expect(message?.events).toEqual([{ eventType: 'Send' }]);
    const inbox = await (await app.handle(new Request('http://mock.test/_mock'))).text();
    expect(inbox).toContain('not rendered: the mock holds no templates');
  });

  it('still renders inline TemplateContent', async () => {
    const app = createMockApp({ profile: 'documented' });
    const inline = {
      TemplateContent: { Subject: 'Hi {{name}}', Text: 'Bye {{name}}' },
      TemplateData: '{"name":"Bo"}',
    };
    expect((await post(app, SEND_EMAIL_PATH, sendTemplate(inline))).status).toBe(200);
    expect((await listed(app))[0]).toMatchObject({
      subject: 'Hi Bo',
      text: 'Bye Bo',
      template: { rendering: 'rendered' },
    });
  });
});

it('refuses a malformed template when the mock is made, naming the template and the Handlebars message', () => {
  expect(() => createMockApp({ profile: 'aws', templates: { bad: { Subject: '{{#each x}}' } } })).toThrow(
    TemplateSyntaxError,
  );
});

describe('MSW handlers in Node', () => {
  it('store exactly what the mock stores for the same seed and requests', async () => {
    const requests = [
      [
        SEND_EMAIL_PATH,
        sendTemplate({ TemplateName: 'welcome', TemplateData: '{"name":"<i>Ann</i>","vip":true}' }),
      ],
      [SEND_EMAIL_PATH, sendTemplate({ TemplateName: 'welcome', TemplateData: '{}' })],
      [SEND_BULK_EMAIL_PATH, BULK],
    ] as const;
    const app = createMockApp({ profile: 'aws', seed: 5, templates: TEMPLATES });
    for (const [path, body] of requests) await post(app, path, body);

    const server = setupSesMockServer({ profile: 'aws', seed: 5, templates: TEMPLATES });
    server.listen({ onUnhandledRequest: 'error' });
    try {
      for (const [path, body] of requests) {
        await fetch(`https://api.example.test${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      }
    } finally {
      server.close();
    }
    expect(server.messages.list()).toHaveLength(4);
    expect(server.messages.list()).toEqual(app.messages.list());
  });
});
