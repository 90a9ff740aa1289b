/**
 * The typed client: openapi-fetch over the generated types of the chosen wire profile. Like
 * openapi-fetch it never throws on an HTTP error; every call returns `{ data, error, response }`.
 */
import createClient from 'openapi-fetch';
import type { paths as AwsPaths } from '../generated/sesv2.aws.ts';
import type { components, paths as DocumentedPaths } from '../generated/sesv2.documented.ts';

export type SendEmailRequest = components['schemas']['SendEmailRequest'];
export type SendBulkEmailRequest = components['schemas']['SendBulkEmailRequest'];

export type SesClientOptions<Profile extends 'documented' | 'aws'> = {
  /** e.g. `http://127.0.0.1:4010` or `https://email.us-east-1.amazonaws.com`. */
  baseUrl: string;
  profile?: Profile;
  /** A fetch of your own: a signing fetch for real AWS, MSW's patched fetch, a test double. */
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
};

export type DocumentedSesClient = ReturnType<typeof createDocumentedClient>;
export type AwsSesClient = ReturnType<typeof createAwsClient>;

function createDocumentedClient(options: SesClientOptions<'documented'>) {
  const client = createClient<DocumentedPaths>(options);
  return {
    raw: client,
    sendEmail: (body: SendEmailRequest) => client.POST('/v2/email/outbound-emails', { body }),
    sendBulkEmail: (body: SendBulkEmailRequest) => client.POST('/v2/email/outbound-bulk-emails', { body }),
  };
}

function createAwsClient(options: SesClientOptions<'aws'>) {
  const client = createClient<AwsPaths>(options);
  return {
    raw: client,
    sendEmail: (body: SendEmailRequest) => client.POST('/v2/email/outbound-emails', { body }),
    sendBulkEmail: (body: SendBulkEmailRequest) => client.POST('/v2/email/outbound-bulk-emails', { body }),
  };
}

export function createSesClient(options: SesClientOptions<'documented'>): DocumentedSesClient;
export function createSesClient(options: SesClientOptions<'aws'> & { profile: 'aws' }): AwsSesClient;
export function createSesClient(
  options: SesClientOptions<'documented'> | SesClientOptions<'aws'>,
): DocumentedSesClient | AwsSesClient {
  return options.profile === 'aws'
    ? createAwsClient(options as SesClientOptions<'aws'>)
    : createDocumentedClient(options as SesClientOptions<'documented'>);
}
