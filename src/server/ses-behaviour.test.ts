/**
 * The mock standing in for SES (issue 11): identities (C-ID1), the sandbox (C-ID2), the mailbox
 * simulator (C-ID3), sending limits (C-A6), forced errors and the emulator retrieval routes, through
 * the node server and MSW in Node with the same scenarios (the Chromium test runs them too).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectedOutcome, runScenarios, SCENARIO_OPTIONS } from '../../mocks/browser/ses-scenarios.ts';
import { setupSesMockServer } from '../../mocks/node.ts';
import { createMockApp, type MockAppOptions } from './mock-app.ts';
import { SEND_BULK_EMAIL_PATH, SEND_EMAIL_PATH } from './sample-requests.test-support.ts';
import { startMockServer } from './start-mock-server.ts';

const PROFILES = ['documented', 'aws'] as const;

function simple(from: string, to: string[], extra: Record<string, unknown> = {}) {
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: to },
    Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
    ...extra,
  };
}

function post(
  app: ReturnType<typeof createMockApp>,
  body: unknown,
  headers: Record<string, string> = {},
  path = SEND_EMAIL_PATH,
) {
  return app.handle(
    new Request(`http://mock.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

const errorOf = async (response: Response) => {
  const body = await response.json();
  return {
    status: response.status,
    type: response.headers.get('x-amzn-errortype') ?? body.error?.code,
    message: body.message ?? body.error?.message,
  };
};

describe.each(PROFILES)('issue 11 scenarios, %s profile', (profile) => {
  let stop: () => Promise<void> | void = () => undefined;
  afterEach(async () => stop());

  it('through the node server', async () => {
    const server = await startMockServer({ profile, ...SCENARIO_OPTIONS });
    stop = () => server.close();
    const outcome = await runScenarios(fetch, server.url, (id) => [
      ...(server.app.messages.get(id)?.events ?? []),
    ]);
    expect(outcome).toEqual(expectedOutcome(profile, outcome.localStack.ids[0] ?? 'none'));
  });

  it('through MSW in Node', async () => {
    const base = 'https://ses.example.test';
    const server = setupSesMockServer({ profile, baseUrl: base, ...SCENARIO_OPTIONS });
    server.listen({ onUnhandledRequest: 'error' });
    stop = () => server.close();
    const outcome = await runScenarios(fetch, base, (id) => [...(server.messages.get(id)?.events ?? [])]);
    expect(outcome).toEqual(expectedOutcome(profile, outcome.localStack.ids[0] ?? 'none'));
  });
});

describe.each(PROFILES)('identities and the sandbox (C-ID1, C-ID2), %s profile', (profile) => {
  const app = (options: Partial<MockAppOptions> = {}) => createMockApp({ profile, ...options });

  it('accepts every sender without --identities, as before', async () => {
    expect((await post(app(), simple('anyone@anywhere.example', ['a@example.com']))).status).toBe(200);
  });

  it('a domain covers its addresses; names every failing identity as sent, the region upper-case', async () => {
    const mock = app({ identities: ['example.org', 'Boss@Example.com'], sandbox: true, region: 'eu-west-2' });
    expect((await post(mock, simple('Ann <ann@EXAMPLE.org>', ['boss@example.com']))).status).toBe(200);
    const refused = await errorOf(
      await post(
        mock,
        simple('"Eve" <eve@evil.example>', ['a@example.org', 'Bob <bob@example.net>', 'c@sub.example.org']),
      ),
    );
    expect(refused).toEqual({
      status: 400,
      type: profile === 'aws' ? 'MessageRejected' : 'MESSAGE_REJECTED',
      message:
        'Email address is not verified. The following identities failed the check in region EU-WEST-2: "Eve" <eve@evil.example>, Bob <bob@example.net>, c@sub.example.org',
    });
    expect(mock.messages.size).toBe(1);
  });

  it('outside the sandbox recipients need no verification; the raw From header is checked when there is no FromEmailAddress', async () => {
    const mock = app({ identities: ['sender@example.com'] });
    expect((await post(mock, simple('sender@example.com', ['stranger@example.net']))).status).toBe(200);
    const raw = (from: string) => ({
      Content: { Raw: { Data: btoa(`From: ${from}\r\nTo: a@example.net\r\nSubject: x\r\n\r\nbody\r\n`) } },
    });
    expect((await post(mock, raw('sender@example.com'))).status).toBe(200);
    const refused = await errorOf(await post(mock, raw('mallory@evil.example')));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/in region US-EAST-1: mallory@evil\.example$/);
  });

  it('SendBulkEmail: an unverified sender refuses the request; an unverified entry recipient refuses that entry (aws) or the request (documented)', async () => {
    const mock = app({ identities: ['sender@example.com'], sandbox: true, maxSendRate: 100 });
    const bulk = (from: string) => ({
      FromEmailAddress: from,
      DefaultContent: { Template: { TemplateContent: { Subject: 'Hi', Text: 'Hello' }, TemplateData: '{}' } },
      BulkEmailEntries: [
        { Destination: { ToAddresses: ['success@simulator.amazonses.com'] } },
        { Destination: { ToAddresses: ['bob@example.net'] } },
      ],
    });
    expect((await errorOf(await post(mock, bulk('eve@evil.example'), {}, SEND_BULK_EMAIL_PATH))).status).toBe(
      400,
    );
    const response = await post(mock, bulk('sender@example.com'), {}, SEND_BULK_EMAIL_PATH);
    if (profile === 'aws') {
      expect(response.status).toBe(200);
      const results = (await response.json()).BulkEmailEntryResults;
      expect(results.map((r: { Status: string }) => r.Status)).toEqual(['SUCCESS', 'MESSAGE_REJECTED']);
      expect(results[1].Error).toMatch(/failed the check in region US-EAST-1: bob@example\.net$/);
      expect(mock.messages.size).toBe(1);
    } else {
      expect(await errorOf(response)).toMatchObject({ status: 400, type: 'MESSAGE_REJECTED' });
      expect(mock.messages.size).toBe(0);
    }
  });
});

describe.each(PROFILES)('the mailbox simulator (C-ID3), %s profile', (profile) => {
  it('accepts every simulator address, +label too, and stores the events SES would publish', async () => {
    const mock = createMockApp({
      profile,
      identities: ['sender@example.com'],
      sandbox: true,
      maxSendRate: 100,
    });
    const to = [
      'success@simulator.amazonses.com',
      'bounce+x1@simulator.amazonses.com',
      'ooto@simulator.amazonses.com',
      'complaint@simulator.amazonses.com',
      'suppressionlist@simulator.amazonses.com',
    ];
    expect((await post(mock, simple('sender@example.com', to))).status).toBe(200);
    expect(mock.messages.list()[0]?.events).toEqual([
      { eventType: 'Send' },
      {
        eventType: 'Delivery',
        delivery: {
          recipients: [
            'success@simulator.amazonses.com',
            'ooto@simulator.amazonses.com',
            'complaint@simulator.amazonses.com',
          ],
        },
      },
      {
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: 'bounce+x1@simulator.amazonses.com' }],
        },
      },
      {
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'Suppressed',
          bouncedRecipients: [{ emailAddress: 'suppressionlist@simulator.amazonses.com' }],
        },
      },
      {
        eventType: 'Complaint',
        complaint: {
          complainedRecipients: [{ emailAddress: 'complaint@simulator.amazonses.com' }],
          complaintFeedbackType: 'abuse',
        },
      },
    ]);
  });

  it('other addresses at the simulator domain are not simulator addresses (the sandbox refuses them)', async () => {
    const mock = createMockApp({ profile, identities: ['sender@example.com'], sandbox: true });
    expect((await post(mock, simple('sender@example.com', ['nobody@simulator.amazonses.com']))).status).toBe(
      400,
    );
  });
});

describe.each(PROFILES)('sending limits (C-A6), %s profile', (profile) => {
  it('counts recipients per second and refills with the clock; the daily quota has its own message', async () => {
    let now = 0;
    const mock = createMockApp({ profile, maxSendRate: 2, dailyQuota: 5, now: () => now });
    expect((await post(mock, simple('s@example.com', ['a@example.com', 'b@example.com']))).status).toBe(200);
    expect(await errorOf(await post(mock, simple('s@example.com', ['c@example.com'])))).toEqual({
      status: 429,
      type: profile === 'aws' ? 'TooManyRequestsException' : 'TOO_MANY_REQUESTS',
      message: 'Maximum sending rate exceeded.',
    });
    now = 1000;
    expect((await post(mock, simple('s@example.com', ['c@example.com', 'd@example.com']))).status).toBe(200);
    now = 2000;
    expect((await post(mock, simple('s@example.com', ['e@example.com']))).status).toBe(200);
    now = 3000;
    expect(await errorOf(await post(mock, simple('s@example.com', ['f@example.com'])))).toMatchObject({
      status: 429,
      message: 'Daily message quota exceeded.',
    });
    expect(mock.messages.size).toBe(3);
  });

  it('the sandbox brings its quotas: one recipient per second', async () => {
    const mock = createMockApp({ profile, sandbox: true, now: () => 0 });
    const to = ['success@simulator.amazonses.com'];
    expect((await post(mock, simple('s@example.com', to))).status).toBe(200);
    expect((await post(mock, simple('s@example.com', to))).status).toBe(429);
  });

  it('SendBulkEmail over the rate: ACCOUNT_THROTTLED per entry inside a 200 (aws), the whole request 429 (documented)', async () => {
    const mock = createMockApp({ profile, maxSendRate: 1, now: () => 0 });
    const bulk = {
      FromEmailAddress: 's@example.com',
      DefaultContent: { Template: { TemplateContent: { Subject: 'Hi', Text: 'Hello' }, TemplateData: '{}' } },
      BulkEmailEntries: [
        { Destination: { ToAddresses: ['a@example.com'] } },
        { Destination: { ToAddresses: ['b@example.com'] } },
      ],
    };
    const response = await post(mock, bulk, {}, SEND_BULK_EMAIL_PATH);
    if (profile === 'aws') {
      expect(response.status).toBe(200);
      expect((await response.json()).BulkEmailEntryResults).toEqual([
        { Status: 'SUCCESS', MessageId: expect.any(String) },
        { Status: 'ACCOUNT_THROTTLED', Error: 'Maximum sending rate exceeded.' },
      ]);
      expect(mock.messages.size).toBe(1);
    } else {
      expect(await errorOf(response)).toMatchObject({ status: 429, type: 'TOO_MANY_REQUESTS' });
      expect(mock.messages.size).toBe(0);
    }
  });
});

describe.each(PROFILES)('forced errors, %s profile', (profile) => {
  it.each([
    ['MessageRejected', 400, 'MESSAGE_REJECTED'],
    ['MailFromDomainNotVerifiedException', 400, 'MAIL_FROM_DOMAIN_NOT_VERIFIED'],
    ['AccountSuspendedException', 400, 'ACCOUNT_SUSPENDED'],
    ['SendingPausedException', 400, 'SENDING_PAUSED'],
    ['LimitExceededException', 400, 'LIMIT_EXCEEDED'],
    ['TooManyRequestsException', 429, 'TOO_MANY_REQUESTS'],
    ['NotFoundException', 404, 'NOT_FOUND'],
    ['BadRequestException', 400, 'VALIDATION_ERROR'],
    ['InternalFailure', 500, 'INTERNAL_ERROR'],
    ['ServiceUnavailable', 503, 'SERVICE_UNAVAILABLE'],
  ])('Prefer: error=%s answers %i and stores nothing', async (type, status, code) => {
    const mock = createMockApp({ profile });
    const answer = await errorOf(
      await post(mock, simple('s@example.com', ['a@example.com']), {
        prefer: `respond-async, error="${type}"`,
      }),
    );
    expect(answer).toMatchObject({ status, type: profile === 'aws' ? type : code });
    expect(mock.messages.size).toBe(0);
  });

  it('an unknown error name is a 400 listing the known ones', async () => {
    const answer = await errorOf(
      await post(createMockApp({ profile }), simple('s@example.com', ['a@example.com']), {
        prefer: 'error=Oops',
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(
      /^Prefer: error=Oops names no SES error; use one of MessageRejected, .*ServiceUnavailable\.$/,
    );
  });

  it('--fail-rate answers a fraction with 429 or 503, the same ones for the same seed', async () => {
    const statuses = async () => {
      const mock = createMockApp({ profile, failRate: 0.3, seed: 4 });
      const seen: number[] = [];
      for (let i = 0; i < 60; i++)
        seen.push((await post(mock, simple('s@example.com', ['a@example.com']))).status);
      return { seen, stored: mock.messages.size };
    };
    const first = await statuses();
    expect(first).toEqual(await statuses());
    expect(new Set(first.seen)).toEqual(new Set([200, 429, 503]));
    expect(first.stored).toBe(first.seen.filter((s) => s === 200).length);
  });

  it('CORS lets a browser send Prefer', async () => {
    const preflight = await createMockApp({ profile }).handle(
      new Request(`http://mock.test${SEND_EMAIL_PATH}`, {
        method: 'OPTIONS',
        headers: { origin: 'http://app.test', 'access-control-request-headers': 'content-type, prefer' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/\*|prefer/i);
  });
});

describe('emulator retrieval routes', () => {
  const get = (app: ReturnType<typeof createMockApp>, path: string, method = 'GET') =>
    app.handle(new Request(`http://mock.test${path}`, { method }));

  it("LocalStack's /_aws/ses: fields, ?id= and ?email= filters, DELETE one or all", async () => {
    const app = createMockApp({ profile: 'aws', region: 'eu-central-1' });
    const ids: string[] = [];
    for (const from of ['a@example.com', 'b@example.com']) {
      ids.push(
        (
          await (
            await post(app, simple(from, ['to@example.org'], { ReplyToAddresses: ['r@example.com'] }))
          ).json()
        ).MessageId,
      );
    }
    const raw = 'From: c@example.com\r\nTo: d@example.org\r\nSubject: Raw\r\n\r\nbody\r\n';
    ids.push((await (await post(app, { Content: { Raw: { Data: btoa(raw) } } })).json()).MessageId);
    const all = (await (await get(app, '/_aws/ses')).json()).messages;
    expect(all.map((m: { Id: string }) => m.Id)).toEqual(ids);
    expect(all[0]).toEqual({
      Id: ids[0],
      Region: 'eu-central-1',
      Timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
      Source: 'a@example.com',
      Destination: { ToAddresses: ['to@example.org'] },
      Subject: 'Hi',
      Body: { text_part: 'Hello', html_part: null },
    });
    expect(all[2]).toMatchObject({ Source: 'c@example.com', RawData: raw });
    expect(
      (await (await get(app, `/_aws/ses?email=b@example.com`)).json()).messages.map(
        (m: { Id: string }) => m.Id,
      ),
    ).toEqual([ids[1]]);
    expect((await get(app, `/_aws/ses?id=${ids[0]}`, 'DELETE')).status).toBe(204);
    expect(app.messages.size).toBe(2);
    expect((await get(app, '/_aws/ses', 'DELETE')).status).toBe(204);
    expect(app.messages.size).toBe(0);
  });

  it("aws-ses-v2-local's /store: fields, ?since=, its 400s, templates, POST /clear-store", async () => {
    const app = createMockApp({ profile: 'documented', templates: { welcome: { Subject: 'Hi {{name}}' } } });
    await post(app, simple('a@example.com', ['to@example.org'], { ReplyToAddresses: ['r@example.com'] }));
    await post(app, {
      FromEmailAddress: 'a@example.com',
      Destination: { ToAddresses: ['to@example.org'] },
      Content: { Template: { TemplateName: 'welcome', TemplateData: '{"name":"Ann"}' } },
    });
    const store = await (await get(app, '/store')).json();
    expect(store.emails[0]).toEqual({
      messageId: expect.any(String),
      from: 'a@example.com',
      replyTo: ['r@example.com'],
      destination: { to: ['to@example.org'], cc: [], bcc: [] },
      subject: 'Hi',
      body: { text: 'Hello' },
      attachments: [],
      at: expect.any(Number),
    });
    expect(store.emails[1].subject).toBe('Hi Ann');
    expect(store.templates).toEqual({
      welcome: {
        TemplateName: 'welcome',
        TemplateContent: { Subject: 'Hi {{name}}' },
        CreatedTimestamp: expect.any(Number),
      },
    });
    const at = store.emails[0].at as number;
    expect((await (await get(app, `/store?since=${at + 3600}`)).json()).emails).toEqual([]);
    expect((await (await get(app, `/store?since=${at}`)).json()).emails).toHaveLength(2);
    const bad = await get(app, '/store?since=soon');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      message: 'Bad since query param, expected integer representing epoch timestamp in seconds',
    });
    const cleared = await get(app, '/clear-store', 'POST');
    expect(await cleared.json()).toEqual({ message: 'Store cleared' });
    expect((await (await get(app, '/_aws/ses')).json()).messages).toEqual([]);
  });
});

describe('strictness: MUST rules by default, SHOULD rules with strict (issue 13)', () => {
  const raw = btoa(
    'From: sender@example.com\r\nTo: a@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: text; charset=UTF-8\r\n\r\nbody\r\n',
  );
  it.each(PROFILES)(
    'raw MIME with Content-Type: text; charset=UTF-8 is accepted by default and refused as C-MIME11 when strict (%s)',
    async (profile) => {
      const body = { FromEmailAddress: 'sender@example.com', Content: { Raw: { Data: raw } } };
      expect((await post(createMockApp({ profile }), body)).status).toBe(200);
      const strict = await post(createMockApp({ profile, strict: true }), body);
      expect(strict.status).toBe(400);
      expect(JSON.stringify(await strict.json())).toContain('C-MIME11');
    },
  );
});
