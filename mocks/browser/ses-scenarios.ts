/**
 * Issue 11's done-when scenarios, written once against `fetch` so the same steps run through the
 * node server, MSW in Node and MSW in Chromium's service worker, and the tests compare what each
 * gave with the same expectations. The mock they need: `SCENARIO_OPTIONS` (a frozen clock makes
 * "two sends in the same second" exact instead of timed).
 */
export const SCENARIO_OPTIONS = {
  identities: ['sender@example.com', 'example.org'],
  sandbox: true,
  maxSendRate: 1,
  now: () => 0,
};

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** What one answer said: its status and the error type (aws header) or code (documented body). */
export type Answer = { status: number; error?: string; message?: string };

export type ScenarioOutcome = {
  unverifiedFrom: Answer;
  unverifiedRecipient: Answer;
  simulator: Answer & { events: string[]; bounceType?: string };
  secondInSameSecond: Answer;
  forced: Answer;
  localStack: { status: number; ids: string[]; source?: string; destination?: unknown; subject?: unknown };
  store: { status: number; ids: string[]; from?: string };
  deleted: number;
  afterDelete: { localStack: number; store: number };
};

function send(from: string, to: string) {
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: [to] },
    Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
  };
}

async function answer(response: Response): Promise<Answer & { body: Record<string, unknown> }> {
  const body = (await response.json()) as Record<string, unknown>;
  const envelope = body.error as { code?: string; message?: string } | undefined;
  const error = response.headers.get('x-amzn-errortype') ?? envelope?.code;
  const message = (body.message as string | undefined) ?? envelope?.message;
  return {
    status: response.status,
    ...(error && { error }),
    ...(message !== undefined && response.status !== 200 && { message }),
    body,
  };
}

/** The id a 200 answer gave, in either profile. */
function idOf(body: Record<string, unknown>): string {
  return (body.MessageId as string | undefined) ?? (body.data as { id: string }).id;
}

export async function runScenarios(
  fetcher: Fetch,
  base: string,
  eventsOf: (id: string) => Array<{ eventType: string; bounce?: { bounceType: string } }>,
): Promise<ScenarioOutcome> {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetcher(`${base}/v2/email/outbound-emails`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }).then(answer);
  const strip = ({ body: _, ...rest }: Answer & { body: unknown }): Answer => rest;

  const unverifiedFrom = strip(await post(send('x@evil.example', 'a@example.org')));
  const unverifiedRecipient = strip(await post(send('sender@example.com', 'bob@example.net')));
  const bounced = await post(send('sender@example.com', 'bounce@simulator.amazonses.com'));
  const id = bounced.status === 200 ? idOf(bounced.body) : '';
  const events = id ? eventsOf(id) : [];
  const bounce = events.find((e) => e.eventType === 'Bounce')?.bounce;
  const secondInSameSecond = strip(await post(send('sender@example.com', 'success@simulator.amazonses.com')));
  const forced = strip(
    await post(send('sender@example.com', 'a@example.org'), { prefer: 'error=SendingPausedException' }),
  );

  const ls = await fetcher(`${base}/_aws/ses?id=${encodeURIComponent(id)}`);
  const lsBody = (await ls.json()) as { messages: Array<Record<string, unknown>> };
  const first = lsBody.messages[0];
  const st = await fetcher(`${base}/store`);
  const stBody = (await st.json()) as { emails: Array<{ messageId: string; from: string }> };
  const deleted = (await fetcher(`${base}/_aws/ses`, { method: 'DELETE' })).status;
  const lsAfter = (await (await fetcher(`${base}/_aws/ses`)).json()) as { messages: unknown[] };
  const stAfter = (await (await fetcher(`${base}/store`)).json()) as { emails: unknown[] };
  return {
    unverifiedFrom,
    unverifiedRecipient,
    simulator: {
      ...strip(bounced),
      events: events.map((e) => e.eventType),
      ...(bounce && { bounceType: bounce.bounceType }),
    },
    secondInSameSecond,
    forced,
    localStack: {
      status: ls.status,
      ids: lsBody.messages.map((m) => m.Id as string),
      ...(first && {
        source: first.Source as string,
        destination: first.Destination,
        subject: first.Subject,
      }),
    },
    store: {
      status: st.status,
      ids: stBody.emails.map((e) => e.messageId),
      ...(stBody.emails[0] && { from: stBody.emails[0].from }),
    },
    deleted,
    afterDelete: { localStack: lsAfter.messages.length, store: stAfter.emails.length },
  };
}

/** What every transport must give, with the id the simulator send got. */
export function expectedOutcome(profile: 'documented' | 'aws', id: string): ScenarioOutcome {
  const type = (aws: string, documented: string) => (profile === 'aws' ? aws : documented);
  const rejected = (identity: string): Answer => ({
    status: 400,
    error: type('MessageRejected', 'MESSAGE_REJECTED'),
    message: `Email address is not verified. The following identities failed the check in region US-EAST-1: ${identity}`,
  });
  return {
    unverifiedFrom: rejected('x@evil.example'),
    unverifiedRecipient: rejected('bob@example.net'),
    simulator: { status: 200, events: ['Send', 'Bounce'], bounceType: 'Permanent' },
    secondInSameSecond: {
      status: 429,
      error: type('TooManyRequestsException', 'TOO_MANY_REQUESTS'),
      message: 'Maximum sending rate exceeded.',
    },
    forced: {
      status: 400,
      error: type('SendingPausedException', 'SENDING_PAUSED'),
      message: 'Sending is paused for this account. (forced by the Prefer header)',
    },
    localStack: {
      status: 200,
      ids: [id],
      source: 'sender@example.com',
      destination: { ToAddresses: ['bounce@simulator.amazonses.com'] },
      subject: 'Hi',
    },
    store: { status: 200, ids: [id], from: 'sender@example.com' },
    deleted: 204,
    afterDelete: { localStack: 0, store: 0 },
  };
}
