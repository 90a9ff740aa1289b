/**
 * The spec lists every error the mock's SES options can produce (issue 11, item 8): identities
 * (C-ID1, C-ID2), limits (C-A6), forced errors and the fail rate, in both profiles. Each example is
 * what the mock answers, word for word, with the status and (aws) error type its response names.
 */
import { describe, expect, it } from 'vitest';
import { SPEC_DOCUMENTS } from '../contract/schema/spec-documents.ts';
import { createMockApp, type MockAppOptions } from './mock-app.ts';
import { SEND_EMAIL_PATH } from './sample-requests.test-support.ts';

type Response = {
  description: string;
  'x-ses-rules'?: string[];
  content: { 'application/json': { examples: Record<string, { summary: string; value: unknown }> } };
};

function responses(profile: 'documented' | 'aws'): Record<string, Response> {
  return (SPEC_DOCUMENTS[profile] as { components: { responses: Record<string, Response> } }).components
    .responses;
}

type Case = {
  options?: Partial<MockAppOptions>;
  from?: string;
  to?: string;
  prefer?: string;
  sends?: number;
};

const CASES: Record<string, Case> = {
  unverifiedSender: { options: { identities: ['sender@example.com'] }, from: 'x@evil.example' },
  unverifiedRecipient: {
    options: { identities: ['sender@example.com'], sandbox: true },
    to: 'bob@example.net',
  },
  forcedMailFromDomainNotVerifiedException: { prefer: 'error=MailFromDomainNotVerifiedException' },
  forcedAccountSuspendedException: { prefer: 'error=AccountSuspendedException' },
  forcedSendingPausedException: { prefer: 'error=SendingPausedException' },
  forcedLimitExceededException: { prefer: 'error=LimitExceededException' },
  unknownForcedError: { prefer: 'error=Oops' },
  forcedNotFoundException: { prefer: 'error=NotFoundException' },
  maxSendRate: { options: { maxSendRate: 1, now: () => 0 }, sends: 2 },
  dailyQuota: { options: { dailyQuota: 1 }, sends: 2 },
  forcedInternalFailure: { prefer: 'error=InternalFailure' },
  forcedServiceUnavailable: { prefer: 'error=ServiceUnavailable' },
};

async function lastAnswer(profile: 'documented' | 'aws', c: Case) {
  const app = createMockApp({ profile, ...c.options });
  let response: globalThis.Response | undefined;
  for (let i = 0; i < (c.sends ?? 1); i++) {
    response = await app.handle(
      new Request(`http://mock.test${SEND_EMAIL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(c.prefer && { prefer: c.prefer }) },
        body: JSON.stringify({
          FromEmailAddress: c.from ?? 'sender@example.com',
          Destination: { ToAddresses: [c.to ?? 'a@example.com'] },
          Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
        }),
      }),
    );
  }
  const got = response as globalThis.Response;
  return { status: got.status, type: got.headers.get('x-amzn-errortype'), body: await got.json() };
}

const STATUS_OF: Record<string, Record<string, number>> = {
  documented: {
    ValidationError: 400,
    NotFound: 404,
    TooManyRequests: 429,
    InternalError: 500,
    ServiceUnavailable: 503,
  },
  aws: {
    BadRequest: 400,
    NotFound: 404,
    TooManyRequests: 429,
    InternalFailure: 500,
    ServiceUnavailable: 503,
  },
};

describe.each(['documented', 'aws'] as const)('spec error examples, %s profile', (profile) => {
  const all = responses(profile);
  const examples = Object.entries(STATUS_OF[profile] ?? {}).flatMap(([name, status]) =>
    Object.entries(all[name]?.content['application/json'].examples ?? {})
      .filter(([example]) => example in CASES || example === 'failRate')
      .map(([example, { summary, value }]) => ({ name, status, example, summary, value })),
  );

  it('lists every error the SES options produce', () => {
    expect(examples.map((e) => e.example).sort()).toEqual([...Object.keys(CASES), 'failRate'].sort());
    expect(all[profile === 'aws' ? 'BadRequest' : 'ValidationError']?.['x-ses-rules']).toEqual(
      expect.arrayContaining(['C-ID1', 'C-ID2']),
    );
    expect(all.TooManyRequests?.['x-ses-rules']).toEqual(['C-A6']);
  });

  it.each(Object.keys(CASES))('%s is what the mock answers', async (example) => {
    const documented = examples.find((e) => e.example === example);
    expect(documented).toBeDefined();
    const got = await lastAnswer(profile, CASES[example] as Case);
    expect(got.status).toBe(documented?.status);
    expect(got.body).toEqual(documented?.value);
    // aws: the example's summary starts with the x-amzn-ErrorType it comes with.
    if (profile === 'aws' && !['maxSendRate', 'dailyQuota'].includes(example)) {
      expect(documented?.summary.startsWith(`${got.type}:`), `${documented?.summary} vs ${got.type}`).toBe(
        true,
      );
    }
  });

  it('failRate is what the mock answers at random', async () => {
    const documented = examples.find((e) => e.example === 'failRate');
    const app = createMockApp({ profile, failRate: 1, seed: 1 });
    const answers = [];
    for (let i = 0; i < 20; i++) {
      const response = await app.handle(
        new Request(`http://mock.test${SEND_EMAIL_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            FromEmailAddress: 'sender@example.com',
            Destination: { ToAddresses: ['a@example.com'] },
            Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
          }),
        }),
      );
      answers.push({ status: response.status, body: await response.json() });
    }
    expect(answers.find((a) => a.status === 503)?.body).toEqual(documented?.value);
  });
});
