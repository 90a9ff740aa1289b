import { describe, expect, it } from 'vitest';
import { createSesClient } from './client.ts';

function recordingFetch(status: number, body: unknown) {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
}

const body = {
  Destination: { ToAddresses: ['alice@example.com'] },
  Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
};

describe('createSesClient', () => {
  it('posts SendEmail as JSON to the operation path and returns data', async () => {
    const { seen, fetch } = recordingFetch(200, {
      success: true,
      data: { id: 'm-1', created_at: '2026-01-01T00:00:00Z' },
    });
    const client = createSesClient({ baseUrl: 'http://mock.test', fetch });
    const result = await client.sendEmail(body);
    expect(result.data?.data.id).toBe('m-1');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('http://mock.test/v2/email/outbound-emails');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(await seen[0]?.json()).toEqual(body);
  });

  it('returns the error envelope instead of throwing', async () => {
    const envelope = {
      success: false,
      error: { code: 'VALIDATION_ERROR', message: 'C-DEST2 /Destination: no recipient' },
    };
    const { fetch } = recordingFetch(400, envelope);
    const result = await createSesClient({ baseUrl: 'http://mock.test', fetch }).sendEmail(body);
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual(envelope);
    expect(result.response.status).toBe(400);
  });

  it('posts SendBulkEmail to the bulk path in the aws profile', async () => {
    const { seen, fetch } = recordingFetch(200, {
      BulkEmailEntryResults: [{ Status: 'SUCCESS', MessageId: 'x' }],
    });
    const client = createSesClient({ baseUrl: 'http://mock.test', profile: 'aws', fetch });
    const result = await client.sendBulkEmail({
      DefaultContent: { Template: { TemplateName: 'welcome' } },
      BulkEmailEntries: [{ Destination: { ToAddresses: ['a@example.com'] } }],
    });
    expect(seen[0]?.url).toBe('http://mock.test/v2/email/outbound-bulk-emails');
    expect(result.data?.BulkEmailEntryResults[0]?.Status).toBe('SUCCESS');
  });
});
