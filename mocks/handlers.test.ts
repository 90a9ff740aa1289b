import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import type { paths } from '../generated/sesv2.documented.ts';
import { specSchema } from '../src/contract/schema/spec-ajv.ts';
import {
  sendEmailWithUnicodeDomain,
  validSendBulkEmail,
  validSendEmail,
} from '../src/server/sample-requests.test-support.ts';
import { createHandlers, type StoredMessage } from './index.ts';
import { setupSesMockServer } from './node.ts';

const baseUrl = 'https://api.example.test';

describe('MSW handlers in Node (setupServer)', () => {
  let stop: () => void = () => undefined;
  afterEach(() => stop());

  function start(options: Parameters<typeof setupSesMockServer>[0]) {
    const server = setupSesMockServer(options);
    server.listen({ onUnhandledRequest: 'error' });
    stop = () => server.close();
    return server;
  }

  it('answers the typed openapi-fetch client with the documented envelopes and reports accepted messages', async () => {
    const seen: StoredMessage[] = [];
    const server = start({ seed: 9, onMessage: (m) => seen.push(m) });
    const client = createClient<paths>({ baseUrl });
    const ok = await client.POST('/v2/email/outbound-emails', { body: validSendEmail() as never });
    expect(ok.response.status).toBe(200);
    expect(specSchema('documented', 'SuccessEnvelope')(ok.data)).toBe(true);
    expect(seen.map((m) => m.id)).toEqual([ok.data?.data.id]);
    expect(server.messages.list()[0]?.subject).toBe('Hello');
    // The inbox route of `ses-contract mock`, through MSW, over the same store.
    const inbox = await fetch(`${baseUrl}/_mock/messages`);
    const { messages } = (await inbox.json()) as { messages: Array<{ id: string }> };
    expect(messages.map((m) => m.id)).toEqual([ok.data?.data.id]);

    const bad = await client.POST('/v2/email/outbound-emails', {
      body: sendEmailWithUnicodeDomain() as never,
    });
    expect(bad.response.status).toBe(400);
    expect(specSchema('documented', 'ErrorEnvelope')(bad.error)).toBe(true);
    expect(bad.error?.error.details?.map((d) => d.rule)).toEqual(['C-ADDR4']);
    expect(seen).toHaveLength(1);
  });

  it('answers in the aws profile when asked, on any origin by default', async () => {
    start({ profile: 'aws' });
    const response = await fetch('http://anywhere.test/v2/email/outbound-bulk-emails', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validSendBulkEmail()),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(specSchema('aws', 'SendBulkEmailResponse')(body)).toBe(true);
    expect(body.BulkEmailEntryResults).toHaveLength(2);
  });

  it('gives the same ids for the same seed, like the server', async () => {
    const ids = async () => {
      const server = start({ seed: 77 });
      const response = await fetch(`${baseUrl}/v2/email/outbound-emails`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(validSendEmail()),
      });
      const id = (await response.json()).data.id;
      server.close();
      return id;
    };
    expect(await ids()).toBe(await ids());
  });

  it('makes handlers for the two operations and the emulator retrieval routes under baseUrl', () => {
    const handlers = createHandlers({ baseUrl: `${baseUrl}/` });
    expect(handlers.map((h) => h.info.header)).toEqual([
      `POST ${baseUrl}/v2/email/outbound-emails`,
      `POST ${baseUrl}/v2/email/outbound-bulk-emails`,
      `GET ${baseUrl}/_mock/messages`,
      `DELETE ${baseUrl}/_mock/messages`,
      `GET ${baseUrl}/_aws/ses`,
      `DELETE ${baseUrl}/_aws/ses`,
      `GET ${baseUrl}/store`,
      `POST ${baseUrl}/clear-store`,
    ]);
  });
});
