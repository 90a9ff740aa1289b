/**
 * MSW 2 request handlers backed by the reference mock: the same pipeline (rules, identities,
 * sandbox, limits, forced errors, templates), ids and wire profiles as `ses-contract mock`, running
 * in-process (Node `setupServer`) or in a service worker (browser `setupWorker`). The handlers pass
 * the intercepted fetch `Request` straight to `createMockApp(...).handle`, so MSW and the HTTP
 * server cannot answer differently. Besides the two operations they serve the emulator retrieval
 * routes (`/_aws/ses`, `/store`, `/clear-store`) over the same store.
 */
import { type HttpHandler, http } from 'msw';
import type { components } from '../generated/sesv2.documented.ts';
import { OPERATION_TABLE } from '../src/contract/operations.ts';
import type { MessageStore, StoredMessage } from '../src/server/mock-app.ts';
import { createMockApp, type MockAppOptions } from '../src/server/mock-app.ts';

export type { StoredMessage } from '../src/server/mock-app.ts';

export type CreateHandlersOptions = Partial<Omit<MockAppOptions, 'profile'>> & {
  /** Wire format of the answers; default `documented`. */
  profile?: MockAppOptions['profile'];
  /**
   * Origin (and path prefix) the API is called at, e.g. `https://api.example.test`; default `*`,
   * which matches the two operation paths on any origin.
   */
  baseUrl?: string;
  onMessage?: (message: StoredMessage) => void;
};

/** The handlers, and the store of the messages they accepted (the MSW counterpart of `/_mock/messages`). */
export type SesHandlers = HttpHandler[] & { messages: MessageStore };

type SendEmailRequest = components['schemas']['SendEmailRequest'];
type SendBulkEmailRequest = components['schemas']['SendBulkEmailRequest'];

export function createHandlers(options: CreateHandlersOptions = {}): SesHandlers {
  const { baseUrl = '*', profile = 'documented', ...appOptions } = options;
  const app = createMockApp({ ...appOptions, profile });
  const base = baseUrl.replace(/\/+$/, '');
  const handle = ({ request }: { request: Request }) => app.handle(request);
  const handlers = [
    http.post<Record<string, never>, SendEmailRequest>(
      `${base}${OPERATION_TABLE['send-email'].path}`,
      handle,
    ),
    http.post<Record<string, never>, SendBulkEmailRequest>(
      `${base}${OPERATION_TABLE['send-bulk-email'].path}`,
      handle,
    ),
    // The mock's own inbox as JSON (newest first), and emptying it, as `ses-contract mock` serves it.
    http.get(`${base}/_mock/messages`, handle),
    http.delete(`${base}/_mock/messages`, handle),
    // Tests written for LocalStack or aws-ses-v2-local read sent mail here.
    http.get(`${base}/_aws/ses`, handle),
    http.delete(`${base}/_aws/ses`, handle),
    http.get(`${base}/store`, handle),
    http.post(`${base}/clear-store`, handle),
  ];
  return Object.assign(handlers, { messages: app.messages });
}
