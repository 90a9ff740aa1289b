/**
 * The reference mock as one async pipeline, `respond(request) → Promise<MockResponse>`, shared by
 * the node:http adapter (`start-mock-server.ts`) and the fetch adapter that MSW uses
 * (`mock-app.ts`), so no transport can answer differently. A send goes through these stages in
 * order, each of which may answer instead of passing it on:
 *
 *   route → read body → parse JSON → forced error (Prefer) → validate (MUST; SHOULD too if strict)
 *   → render templates → identities and sandbox (C-ID1–3) → random failure (fail rate)
 *   → sending limits (C-A6) → store → answer in the wire profile
 *
 * Nothing is stored before the last stage, so a refused or forced error never leaves a message.
 */

import { bulkEntryIndex, refusedEntries } from '../contract/bulk-entry-reporting.ts';
import { arrayAt, stringAt } from '../contract/json-reading.ts';
import { OPERATION_TABLE, OPERATIONS } from '../contract/operations.ts';
import { checkSendBulkEmail } from '../contract/validate-send-bulk-email.ts';
import { checkSendEmail } from '../contract/validate-send-email.ts';
import type { CheckResult, ValidationOptions } from '../contract/validation-options.ts';
import { formatViolation, type Violation, violation } from '../contract/violation.ts';
import { type RenderedMessage, renderSendBulkEmail, renderSendEmail } from '../templates/render-request.ts';
import { createTemplateLibrary, type TemplateLibrary } from '../templates/stored-templates.ts';
import { awsWire } from './aws-wire.ts';
import { documentedWire } from './documented-wire.ts';
import { localStackMessages, sesV2LocalStore, sinceFilter } from './emulator-views.ts';
import { createRandomFailures, preferredError, unknownPreferenceMessage } from './forced-errors.ts';
import {
  INBOX_CONTENT_SECURITY_POLICY,
  INBOX_SCRIPT,
  INBOX_SCRIPT_PATH,
  renderInboxPage,
} from './inbox-page.ts';
import { readJsonBody } from './json-request-body.ts';
import { isJsonMediaType } from './media-type.ts';
import { createMessageIdSource } from './message-ids.ts';
import { createMessageStore, type MessageStore } from './message-store.ts';
import type { MockOptions, RequestValidator } from './mock-options.ts';
import { ClientGone, type MockRequest } from './mock-request.ts';
import {
  CORS_HEADERS,
  JSON_CORS_HEADERS,
  JSON_HEADERS,
  jsonResponse,
  type MockResponse,
} from './mock-response.ts';
import { requestPath } from './request-path.ts';
import { createSendingLimits, LIMIT_MESSAGES, type LimitRefusal, SANDBOX_LIMITS } from './sending-limits.ts';
import type { SesError } from './ses-errors.ts';
import {
  type MockOperation,
  type RenderedSummary,
  type RequestSummary,
  renderedSummary,
  type StoredMessage,
  sentEvents,
  storedAdvice,
  summarizeRequest,
} from './stored-message.ts';
import { createIdentityPolicy } from './verified-identities.ts';
import type { BulkEntryOutcome, WireProfile } from './wire-profile.ts';

export type { MockOptions, RequestValidator } from './mock-options.ts';

/** 42 MiB: the 40 MiB of base64 in C-MIME9 plus room for the JSON around it (RULES.md section 9). */
export const DEFAULT_MAX_BODY_BYTES = 44_040_192;

export type MockResponder = {
  respond(request: MockRequest): Promise<MockResponse>;
  /** The 400 answer to bytes that are not even HTTP, in the profile's envelope (cites C-REQ1). */
  notHttp(reason: string): MockResponse;
  /** The 413 answer, for an adapter that must refuse a body before the pipeline sees it. */
  tooLarge(): MockResponse;
  /** The profile's internal error: an adapter's own defect (or a broken twin's), never the client's. */
  internalError(reason: string): MockResponse;
  messages: MessageStore;
  maxBodyBytes: number;
};

type Route =
  | { kind: 'send'; operation: MockOperation; methods: readonly string[] }
  | {
      kind:
        | 'inbox'
        | 'inbox-script'
        | 'messages'
        | 'localstack'
        | 'ses-v2-local-store'
        | 'ses-v2-local-clear';
      methods: readonly string[];
    };

const ROUTES: Readonly<Record<string, Route>> = {
  ...Object.fromEntries(
    OPERATIONS.map((id): [string, Route] => {
      const { path, name } = OPERATION_TABLE[id];
      return [path, { kind: 'send', operation: name, methods: ['POST'] }];
    }),
  ),
  '/_mock': { kind: 'inbox', methods: ['GET'] },
  [INBOX_SCRIPT_PATH]: { kind: 'inbox-script', methods: ['GET'] },
  '/_mock/messages': { kind: 'messages', methods: ['GET', 'DELETE'] },
  // LocalStack's and aws-ses-v2-local's retrieval endpoints, over the same store.
  '/_aws/ses': { kind: 'localstack', methods: ['GET', 'DELETE'] },
  '/store': { kind: 'ses-v2-local-store', methods: ['GET'] },
  '/clear-store': { kind: 'ses-v2-local-clear', methods: ['POST'] },
};

const NO_QUERY = new URLSearchParams();

const NO_IDENTITIES: readonly string[] = Object.freeze([]);

function recipientsOf(message: Pick<StoredMessage, 'to' | 'cc' | 'bcc'>): string[] {
  return [...message.to, ...message.cc, ...message.bcc];
}

function declaredLength(value: string | null): number | undefined {
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A replaced validator (a broken twin) checks alone and gives no advice: advice is the engine's. */
function checkWith(
  validator: RequestValidator | undefined,
  reference: (body: unknown) => CheckResult,
): (body: unknown) => CheckResult {
  return validator ? (body) => ({ violations: validator(body), advice: [] }) : reference;
}

function templateLibrary(templates: MockOptions['templates']): TemplateLibrary | undefined {
  if (!templates) return undefined;
  if (typeof templates.get === 'function' && Array.isArray(templates.names))
    return templates as TemplateLibrary;
  return createTemplateLibrary(templates as Readonly<Record<string, unknown>>);
}

/** What a send stage decided: an answer now, or the message(s) to store and the answer after. */
type Accepted = {
  store: Array<{
    summary: RequestSummary | RenderedSummary;
    id: string;
    advice: readonly Violation[];
    bulk?: StoredMessage['bulk'];
  }>;
  createdAt: string;
  answer: MockResponse;
};

export function createMockResponder(options: MockOptions): MockResponder {
  const wire: WireProfile = options.profile === 'aws' ? awsWire : documentedWire;
  const ids = createMessageIdSource(options.seed);
  const nextId = options.nextId
    ? () => ({ id: options.nextId?.() ?? '', createdAt: ids.next().createdAt })
    : ids.next;
  // `toISOString` costs about a microsecond, and a busy mock issues several ids per millisecond.
  let lastInstant = Number.NaN;
  let lastIso = '';
  const isoOf = (instant: Date): string => {
    const ms = instant.getTime();
    if (ms !== lastInstant) {
      lastInstant = ms;
      lastIso = instant.toISOString();
    }
    return lastIso;
  };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const store = createMessageStore(options.maxStoredMessages);
  const templates = templateLibrary(options.templates);
  const templateRecords = storeTemplates(options.templates, templates);
  const region = options.region ?? 'us-east-1';
  const identities = createIdentityPolicy({
    ...(options.identities && { identities: options.identities }),
    sandbox: options.sandbox ?? false,
    region,
  });
  const limits = createSendingLimits(
    {
      ...(options.sandbox && SANDBOX_LIMITS),
      ...(options.maxSendRate !== undefined && { maxSendRate: options.maxSendRate }),
      ...(options.dailyQuota !== undefined && { dailyQuota: options.dailyQuota }),
    },
    options.now,
  );
  const randomFailures = createRandomFailures(options.failRate, options.seed);
  // MUST rules always; SHOULD rules only when strict (RULES.md levels). ADVISE never rejects: SES
  // accepts those requests, and the mock keeps the advice on the stored message.
  const level: ValidationOptions = { strict: options.strict ?? false };
  const checks = {
    SendEmail: checkWith(options.validators?.sendEmail, (body) => checkSendEmail(body, level)),
    SendBulkEmail: checkWith(options.validators?.sendBulkEmail, (body) => checkSendBulkEmail(body, level)),
  };

  function withCors(response: MockResponse): MockResponse {
    if (wire.name === 'aws') {
      const headers: Record<string, string> = { ...response.headers, ...CORS_HEADERS };
      headers['x-amzn-RequestId'] = ids.requestId();
      return { status: response.status, headers, body: response.body };
    }
    const headers =
      response.headers === JSON_HEADERS ? JSON_CORS_HEADERS : { ...response.headers, ...CORS_HEADERS };
    return { status: response.status, headers, body: response.body };
  }

  const limitError = (refusal: LimitRefusal): SesError => ({
    type: 'TooManyRequestsException',
    message: LIMIT_MESSAGES[refusal],
  });

  /** C-ID1 (sender) and C-ID2 (sandbox recipients): the identities that fail, as sent. */
  function unverified(from: string | undefined, recipients: readonly string[]): readonly string[] {
    const refused = identities.unverifiedRecipients(recipients);
    return identities.unverifiedSender(from) && from !== undefined ? [from, ...refused] : refused;
  }

  async function sendEmail(body: unknown): Promise<Accepted | MockResponse> {
    const { violations, advice } = checks.SendEmail(body);
    if (violations.length > 0) return wire.invalid(violations);
    const rendered = renderSendEmail(body, templates);
    if (rendered?.rendering.status === 'not-found')
      return wire.templateNotFound(rendered.rendering.templateName);
    // Only raw MIME needs a promise (postal-mime); the common summary is had at once.
    const summarized = rendered ? renderedSummary(rendered) : summarizeRequest(body);
    const summary = summarized instanceof Promise ? await summarized : summarized;
    if (identities.enforced) {
      // Recipients are checked only in the sandbox: outside it, spare building their list.
      const failing = unverified(summary.from, identities.sandbox ? recipientsOf(summary) : NO_IDENTITIES);
      if (failing.length > 0)
        return wire.sesError({ type: 'MessageRejected', message: identities.rejection(failing) });
    }
    const failure = randomFailures?.next();
    if (failure) return wire.sesError(failure);
    const refusal = limits?.take(summary.to.length + summary.cc.length + summary.bcc.length);
    if (refusal) return wire.sesError(limitError(refusal));
    const issued = nextId();
    const createdAt = isoOf(issued.createdAt);
    return {
      store: [{ summary, id: issued.id, advice }],
      createdAt,
      answer: wire.sendEmailAccepted(issued.id, createdAt),
    };
  }

  function sendBulkEmail(body: unknown): Accepted | MockResponse {
    const { violations, advice } = checks.SendBulkEmail(body);
    if (violations.length > 0 && !(wire.perEntryBulkResults && refusedEntries(violations))) {
      return wire.invalid(violations);
    }
    // Every entry shares the default template, so one unknown name refuses the whole request.
    const rendered = renderSendBulkEmail(body, templates);
    const unknownTemplate = rendered.find((r) => r.rendering.status === 'not-found')?.rendering;
    if (unknownTemplate?.status === 'not-found') return wire.templateNotFound(unknownTemplate.templateName);
    // The sender is the request's: an unverified one refuses every entry, so the whole request.
    const from = stringAt(body, 'FromEmailAddress');
    if (from !== undefined && identities.unverifiedSender(from)) {
      return wire.sesError({ type: 'MessageRejected', message: identities.rejection([from]) });
    }
    const byEntry = new Map<number, Violation[]>();
    for (const v of violations) {
      const index = bulkEntryIndex(v) ?? -1;
      byEntry.set(index, [...(byEntry.get(index) ?? []), v]);
    }
    const failures = new Map<number, BulkEntryOutcome>();
    for (const [index, found] of byEntry) {
      // A bad destination is a message SES refuses; bad replacement data is a bad parameter.
      failures.set(index, {
        status: found.every((v) => v.rule === 'C-BULK3') ? 'MESSAGE_REJECTED' : 'INVALID_PARAMETER',
        error: found.map(formatViolation).join('; '),
      });
    }
    const entries = arrayAt(body, 'BulkEmailEntries')?.length ?? 0;
    const sandboxed = rendered.map((message) => unverified(undefined, message ? recipientsOf(message) : []));
    if (!wire.perEntryBulkResults) {
      // One id per request (documented profile): an entry SES would refuse refuses the request.
      const failing = sandboxed.flat();
      if (failing.length > 0)
        return wire.sesError({ type: 'MessageRejected', message: identities.rejection(failing) });
    }
    const failure = randomFailures?.next();
    if (failure) return wire.sesError(failure);
    if (!wire.perEntryBulkResults) {
      const refusal = limits?.takeAll(rendered.map((m) => recipientsOf(m).length));
      if (refusal) return wire.sesError(limitError(refusal));
    }
    const request = nextId();
    const createdAt = isoOf(request.createdAt);
    const outcomes: BulkEntryOutcome[] = [];
    const toStore: Accepted['store'] = [];
    for (let index = 0; index < entries; index++) {
      const message: RenderedMessage | undefined = rendered[index];
      const failingIdentities = sandboxed[index] ?? [];
      const refusal =
        failures.has(index) || failingIdentities.length > 0 || !wire.perEntryBulkResults
          ? undefined
          : limits?.take(message ? recipientsOf(message).length : 0);
      const outcome: BulkEntryOutcome =
        failures.get(index) ??
        (failingIdentities.length > 0
          ? { status: 'MESSAGE_REJECTED', error: identities.rejection(failingIdentities) }
          : refusal
            ? {
                status: refusal === 'rate' ? 'ACCOUNT_THROTTLED' : 'ACCOUNT_DAILY_QUOTA_EXCEEDED',
                error: LIMIT_MESSAGES[refusal],
              }
            : { status: 'SUCCESS', messageId: wire.name === 'aws' ? nextId().id : request.id });
      outcomes.push(outcome);
      if (outcome.status !== 'SUCCESS' || !message) continue;
      toStore.push({
        summary: renderedSummary(message),
        id: outcome.messageId,
        // Advice about another entry is not this message's.
        advice: advice.filter((v) => {
          const about = bulkEntryIndex(v);
          return about === undefined || about === index;
        }),
        bulk: { requestId: request.id, entry: index, entries },
      });
    }
    return { store: toStore, createdAt, answer: wire.sendBulkEmailAccepted(request.id, createdAt, outcomes) };
  }

  function keep(operation: MockOperation, accepted: Accepted, body: unknown, bytes: number): void {
    for (let at = 0; at < accepted.store.length; at++) {
      const { summary, id, advice, bulk } = accepted.store[at] as Accepted['store'][number];
      // Member by member, in the order clients see them (a spread inside a literal measured slower).
      const message: StoredMessage = Object.assign(
        { id, operation, profile: wire.name, createdAt: accepted.createdAt },
        summary,
        // A rendered summary brings its own events; any other message is sent to its recipients.
        { events: 'events' in summary && summary.events ? summary.events : sentEvents(summary) },
        bulk ? { bulk, request: body } : { request: body },
      );
      if (advice.length > 0) message.advice = advice.map(storedAdvice);
      // A bulk request's bytes are counted once, with its first stored entry.
      store.add(message, at === 0 ? bytes : 0);
      options.onMessage?.(message);
    }
  }

  async function send(operation: MockOperation, request: MockRequest): Promise<MockResponse> {
    const contentType = request.header('content-type');
    if (!isJsonMediaType(contentType)) return wire.unsupportedMediaType(contentType ?? '');
    if ((declaredLength(request.header('content-length')) ?? 0) > maxBodyBytes)
      return wire.tooLarge(maxBodyBytes);
    const bytes = await request.body(maxBodyBytes);
    if (!bytes) return wire.tooLarge(maxBodyBytes);
    const parsed = readJsonBody(bytes);
    if (!parsed.ok) return wire.invalid([parsed.violation]);
    const preferred = preferredError(request.header('prefer'));
    if (preferred.kind === 'error') return wire.sesError(preferred.error);
    if (preferred.kind === 'unknown') {
      return wire.sesError({
        type: 'BadRequestException',
        message: unknownPreferenceMessage(preferred.name),
      });
    }
    const decided = operation === 'SendEmail' ? await sendEmail(parsed.value) : sendBulkEmail(parsed.value);
    if (!('store' in decided)) return decided;
    keep(operation, decided, parsed.value, bytes.byteLength);
    return decided.answer;
  }

  function retrieve(route: Route, method: string, query: URLSearchParams): MockResponse {
    switch (route.kind) {
      case 'inbox':
        return {
          status: 200,
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': INBOX_CONTENT_SECURITY_POLICY,
          },
          body: renderInboxPage(store.list(), store.version),
        };
      case 'inbox-script':
        return {
          status: 200,
          headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' },
          body: INBOX_SCRIPT,
        };
      case 'messages':
        return method === 'DELETE'
          ? jsonResponse(200, { deleted: store.clear() })
          : jsonResponse(200, { messages: store.list() });
      case 'localstack': {
        if (method === 'GET')
          return jsonResponse(200, { messages: localStackMessages(store.list(), region, query) });
        const id = query.get('id');
        if (id === null) store.clear();
        else store.remove(id);
        return { status: 204, headers: {}, body: '' };
      }
      case 'ses-v2-local-store': {
        const since = sinceFilter(query);
        if (!since.ok) return jsonResponse(400, { message: since.message });
        return jsonResponse(200, sesV2LocalStore(store.list(), since.since, templateRecords));
      }
      default:
        store.clear();
        return jsonResponse(200, { message: 'Store cleared' });
    }
  }

  async function answer(request: MockRequest): Promise<MockResponse> {
    const method = request.method;
    const path = requestPath(request.target);
    const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
    if (!route) return wire.notFound(method, path);
    if (method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          'access-control-allow-methods': route.methods.join(', '),
          'access-control-allow-headers': '*',
          'access-control-max-age': '600',
        },
        body: '',
      };
    }
    if (!route.methods.includes(method)) return wire.methodNotAllowed(method, path, route.methods);
    if (route.kind !== 'send') {
      const at = request.target.indexOf('?');
      return retrieve(
        route,
        method,
        at === -1 ? NO_QUERY : new URLSearchParams(request.target.slice(at + 1)),
      );
    }
    const response = await send(route.operation, request);
    if (options.latencyMs) await sleep(options.latencyMs);
    return response;
  }

  async function respond(request: MockRequest): Promise<MockResponse> {
    try {
      return withCors(await answer(request));
    } catch (error) {
      // Nobody is left to answer.
      if (error instanceof ClientGone) throw error;
      // Only a defect of the mock (or of an onMessage callback) gets here; say so rather than hide it.
      return withCors(wire.internalError(error instanceof Error ? error.message : String(error)));
    }
  }

  return {
    respond,
    notHttp: (reason) =>
      withCors(
        wire.invalid([violation('C-REQ1', '', `the request is not well-formed HTTP/1.1 (${reason})`)]),
      ),
    tooLarge: () => withCors(wire.tooLarge(maxBodyBytes)),
    internalError: (reason) => withCors(wire.internalError(reason)),
    messages: store,
    maxBodyBytes,
  };
}

/** aws-ses-v2-local's `templates` record: what `CreateEmailTemplate` would have stored. */
function storeTemplates(
  given: MockOptions['templates'],
  library: TemplateLibrary | undefined,
): Record<string, unknown> {
  const created = Math.floor(Date.now() / 1000);
  const records: Record<string, unknown> = {};
  for (const name of library?.names ?? []) {
    const content =
      given && !(typeof given.get === 'function') ? (given as Record<string, unknown>)[name] : undefined;
    records[name] = {
      TemplateName: name,
      ...(content !== undefined && { TemplateContent: content }),
      CreatedTimestamp: created,
    };
  }
  return records;
}
