import { describe, expectTypeOf, it } from 'vitest';
import { createSesClient, type SendEmailRequest } from './client.ts';

const documented = createSesClient({ baseUrl: 'http://127.0.0.1:4010' });
const aws = createSesClient({ baseUrl: 'http://127.0.0.1:4010', profile: 'aws' });
const body: SendEmailRequest = {
  Destination: { ToAddresses: ['alice@example.com'] },
  Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
};

describe('createSesClient types', () => {
  it('types the documented success envelope', async () => {
    const { data } = await documented.sendEmail(body);
    expectTypeOf(data).toEqualTypeOf<
      { success: true; data: { id: string; created_at: string } } | undefined
    >();
  });

  it('types the aws MessageId and bulk results', async () => {
    const sent = await aws.sendEmail(body);
    expectTypeOf(sent.data?.MessageId).toEqualTypeOf<string | undefined>();
    const bulk = await aws.sendBulkEmail({
      DefaultContent: { Template: { TemplateName: 'welcome' } },
      BulkEmailEntries: [{ Destination: { ToAddresses: ['a@example.com'] } }],
    });
    expectTypeOf(bulk.data?.BulkEmailEntryResults[0]?.Status).toExtend<
      'SUCCESS' | 'FAILED' | undefined | string
    >();
  });

  it('rejects misspelled members and wrong types', () => {
    documented.sendEmail({
      // @ts-expect-error: ToAdresses is a typo of ToAddresses; the spec has no such member
      Destination: { ToAdresses: ['alice@example.com'] },
      Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
    });
    documented.sendEmail({
      // @ts-expect-error: ToAddresses is a list of strings, not a string
      Destination: { ToAddresses: 'alice@example.com' },
      Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
    });
    // @ts-expect-error: Content is required
    documented.sendEmail({ Destination: { ToAddresses: ['alice@example.com'] } });
  });
});
