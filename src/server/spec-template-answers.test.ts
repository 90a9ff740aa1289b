/**
 * The spec documents the template answers (issue 10, item 6): the 404 for an unknown stored
 * template and the C-CONT13 400, in both profiles. Their examples are what the mock answers, word
 * for word, so the spec cannot drift from the reference.
 */
import { describe, expect, it } from 'vitest';
import { SPEC_DOCUMENTS } from '../contract/schema/spec-documents.ts';
import { createMockApp } from './mock-app.ts';
import { SEND_BULK_EMAIL_PATH, SEND_EMAIL_PATH } from './sample-requests.test-support.ts';

type Examples = Record<string, { value: unknown }>;

function responseExamples(profile: 'documented' | 'aws', response: string): Examples {
  const doc = SPEC_DOCUMENTS[profile] as {
    components: { responses: Record<string, { content: { 'application/json': { examples: Examples } } }> };
  };
  return doc.components.responses[response]?.content['application/json'].examples ?? {};
}

const send = (content: unknown) => ({
  FromEmailAddress: 'sender@example.com',
  Destination: { ToAddresses: ['alice@example.com'] },
  Content: content,
});

async function answer(profile: 'documented' | 'aws', path: string, body: unknown) {
  const app = createMockApp({ profile, templates: { welcome: { Subject: 'Hi {{name}}' } } });
  const response = await app.handle(
    new Request(`http://mock.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return {
    status: response.status,
    type: response.headers.get('x-amzn-ErrorType'),
    body: await response.json(),
  };
}

describe.each([
  ['documented', 'NotFound', 'ValidationError'],
  ['aws', 'NotFound', 'BadRequest'],
] as const)('spec, %s profile', (profile, notFound, badRequest) => {
  it('documents the 404 for an unknown stored template as the mock answers it (SendEmail and SendBulkEmail)', async () => {
    const example = responseExamples(profile, notFound).unknownTemplate?.value;
    expect(example).toBeDefined();
    const single = await answer(
      profile,
      SEND_EMAIL_PATH,
      send({ Template: { TemplateName: 'newsletter', TemplateData: '{}' } }),
    );
    const bulk = await answer(profile, SEND_BULK_EMAIL_PATH, {
      FromEmailAddress: 'sender@example.com',
      DefaultContent: { Template: { TemplateArn: 'arn:aws:ses:us-east-1:123456789012:template/newsletter' } },
      BulkEmailEntries: [{ Destination: { ToAddresses: ['alice@example.com'] } }],
    });
    for (const got of [single, bulk]) {
      expect(got.status).toBe(404);
      expect(got.body).toEqual(example);
      if (profile === 'aws') expect(got.type).toBe('NotFoundException');
    }
  });

  it('documents the C-CONT13 400 as the mock answers it', async () => {
    const example = responseExamples(profile, badRequest).inlineTemplateHelper?.value;
    const got = await answer(
      profile,
      SEND_EMAIL_PATH,
      send({
        Template: {
          TemplateContent: { Subject: 'Hi {{#if vip}}VIP {{/if}}{{name}}' },
          TemplateData: '{"name":"Ann"}',
        },
      }),
    );
    expect(got.status).toBe(400);
    expect(got.body).toEqual(example);
  });
});
