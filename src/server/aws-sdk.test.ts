/** The official AWS SDK against the mock's aws profile: the strongest check that the wire format is real. */
import {
  SESv2Client,
  SendBulkEmailCommand,
  type SendBulkEmailCommandInput,
  SendEmailCommand,
  type SendEmailCommandInput,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bulkWithBadEntryRecipient,
  bulkWithoutTemplate,
  sendEmailWithUnicodeDomain,
  validSendBulkEmail,
  validSendEmail,
} from './sample-requests.test-support.ts';
import { type RunningMockServer, startMockServer } from './start-mock-server.ts';

describe('@aws-sdk/client-sesv2 against the mock (aws profile)', () => {
  let server: RunningMockServer;
  let client: SESv2Client;
  beforeAll(async () => {
    server = await startMockServer({ profile: 'aws', seed: 5 });
    client = new SESv2Client({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('SendEmailCommand gets a MessageId, and the mock stored what the SDK sent', async () => {
    const output = await client.send(
      new SendEmailCommand(validSendEmail() as unknown as SendEmailCommandInput),
    );
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(output.MessageId).toMatch(/^[0-9a-f]{16}-[0-9a-f-]{36}-\d{6}$/);
    expect(output.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.app.messages.get(output.MessageId ?? '')).toMatchObject({
      subject: 'Hello',
      to: ['alice@example.com'],
    });
  });

  it('SendBulkEmailCommand gets one result per entry, a failed entry included (C-A5)', async () => {
    const valid = await client.send(
      new SendBulkEmailCommand(validSendBulkEmail() as unknown as SendBulkEmailCommandInput),
    );
    expect(valid.BulkEmailEntryResults?.map((r) => r.Status)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(valid.BulkEmailEntryResults?.every((r) => typeof r.MessageId === 'string')).toBe(true);
    const partial = await client.send(
      new SendBulkEmailCommand(bulkWithBadEntryRecipient() as unknown as SendBulkEmailCommandInput),
    );
    expect(partial.BulkEmailEntryResults).toEqual([
      { Status: 'SUCCESS', MessageId: expect.any(String) },
      { Status: 'MESSAGE_REJECTED', Error: expect.stringMatching(/^C-BULK3 /) },
    ]);
  });

  it.each([
    [
      'SendEmailCommand',
      () => new SendEmailCommand(sendEmailWithUnicodeDomain() as unknown as SendEmailCommandInput),
      'C-ADDR4',
    ],
    [
      'SendBulkEmailCommand',
      () => new SendBulkEmailCommand(bulkWithoutTemplate() as unknown as SendBulkEmailCommandInput),
      'C-CONT6',
    ],
  ])(
    '%s with an invalid request throws BadRequestException naming the rule',
    async (_name, command, rule) => {
      const error = await (client.send(command() as SendEmailCommand) as Promise<unknown>).then(
        () => undefined,
        (e: unknown) => e as { name: string; message: string; $metadata: { httpStatusCode?: number } },
      );
      expect(error?.name).toBe('BadRequestException');
      expect(error?.$metadata.httpStatusCode).toBe(400);
      expect(error?.message).toMatch(new RegExp(`^${rule} `));
    },
  );
});
