/**
 * The reference mock, transport-free: routes a request given as plain data, applies the rules
 * engine (strictly, RULES.md section 9), stores what it accepts and writes the answer in the chosen
 * wire profile. `mock-app.ts` puts a fetch `Request`/`Response` face on it (MSW, tests) and
 * `start-mock-server.ts` a node:http one; both stay thin so they cannot disagree.
 */
import { arrayAt } from '../contract/json-reading.ts';
import type { RuleId } from '../contract/rule-catalog.ts';
import { checkSendBulkEmail } from '../contract/validate-send-bulk-email.ts';
import { checkSendEmail } from '../contract/validate-send-email.ts';
import type { CheckResult } from '../contract/validation-options.ts';
import { formatViolation, type Violation, violation } from '../contract/violation.ts';
import { type RenderedMessage, renderSendBulkEmail, renderSendEmail } from '../templates/render-request.ts';
import { createTemplateLibrary, type TemplateLibrary } from '../templates/stored-templates.ts';
import { awsWire } from './aws-wire.ts';
import { documentedWire } from './documented-wire.ts';
import {
  INBOX_CONTENT_SECURITY_POLICY,
  INBOX_SCRIPT,
  INBOX_SCRIPT_PATH,
  renderInboxPage,
} from './inbox-page.ts';
import { readJsonBody } from './json-request-body.ts';
import { isJsonMediaType } from './media-type.ts';
import { createMessageIdSource, type MessageIdSource } from './message-ids.ts';
import { createMessageStore, type MessageStore } from './message-store.ts';
import { jsonResponse, type MockResponse } from './mock-response.ts';
import {
  deliveredEvents,
  type MockOperation,
  type RenderedSummary,
  type RequestSummary,
  renderedSummary,
  type StoredMessage,
  storedAdvice,
  summarizeRequest,
} from './stored-message.ts';
import type { BulkEntryOutcome, WireProfile, WireProfileName } from './wire-profile.ts';

/** 42 MiB: the 40 MiB of base64 in C-MIME9 plus room for the JSON around it (RULES.md section 9). */
export const DEFAULT_MAX_BODY_BYTES = 44_040_192;

export type RequestValidator = (body: unknown) => Violation[];
type RequestCheck = (body: unknown) => CheckResult;

/**
 * A replaced validator (a broken twin) judges alone and gives no advice: advice is the reference
 * engine's, and a twin is about what it rejects.
 */
function checkWith(validator: RequestValidator | undefined, reference: RequestCheck): RequestCheck {
  return validator ? (body) => ({ violations: validator(body), advice: [] }) : reference;
}

export type MockResponderOptions = {
  profile: WireProfileName;
  seed?: number;
  latencyMs?: number;
  maxBodyBytes?: number;
  validators?: { sendEmail?: RequestValidator; sendBulkEmail?: RequestValidator };
  nextId?: () => string;
  maxStoredMessages?: number;
  onMessage?: (message: StoredMessage) => void;
  /**
   * Stored templates by name, shaped like `CreateEmailTemplate`'s `TemplateContent`
   * (`{ Subject, Text, Html }`), or a library already made from them. Without it, sends that name a
   * stored template are accepted and kept unrendered. A malformed template throws
   * `TemplateSyntaxError` here, when the mock is made.
   */
  templates?: Readonly<Record<string, unknown>> | TemplateLibrary;
};

function isLibrary(templates: MockResponderOptions['templates']): templates is TemplateLibrary {
  return typeof templates?.get === 'function' && Array.isArray(templates.names);
}

/** A request as plain data: the body is already read (and was cut off at the limit by the adapter). */
export type MockRequest = { method: string; path: string; contentType: string | null; body: Uint8Array };

export type MockResponder = {
  /**
   * The answer that needs no body (unknown route, wrong method, wrong media type, declared length
   * over the limit), or undefined when the body must be read. Adapters call it before reading.
   */
  beforeBody(
    method: string,
    path: string,
    contentType: string | null,
    contentLength: number | undefined,
  ): MockResponse | undefined;
  /** The 413 answer, for adapters that find the body too long while reading it. */
  tooLarge(): MockResponse;
  /** The 400 answer to bytes that are not even HTTP, in the profile's envelope (cites C-REQ1). */
  notHttp(reason: string): MockResponse;
  /** The answer, or a promise of it when it cannot be had at once (raw MIME to parse, `latencyMs`). */
  respond(request: MockRequest): MockResponse | Promise<MockResponse>;
  messages: MessageStore;
  maxBodyBytes: number;
};

const OPERATIONS: Record<string, MockOperation> = {
  '/v2/email/outbound-emails': 'SendEmail',
  '/v2/email/outbound-bulk-emails': 'SendBulkEmail',
};
const INBOX_PATH = '/_mock';
const MESSAGES_PATH = '/_mock/messages';

/** CORS, so a frontend on another origin can call the mock directly during development. */
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-amzn-RequestId, x-amzn-ErrorType',
};

const PER_ENTRY_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['C-BULK3', 'C-BULK4']);

/** `/BulkEmailEntries/<i>/…` → i. */
function entryIndex(path: string): number | undefined {
  const match = /^\/BulkEmailEntries\/(\d+)(?:\/|$)/.exec(path);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function entryCount(body: unknown): number {
  return arrayAt(body, 'BulkEmailEntries')?.length ?? 0;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createMockResponder(options: MockResponderOptions): MockResponder {
  const wire: WireProfile = options.profile === 'aws' ? awsWire : documentedWire;
  const ids: MessageIdSource = createMessageIdSource(options.seed);
  const nextId = options.nextId
    ? () => ({ id: options.nextId?.() ?? '', createdAt: ids.next().createdAt })
    : ids.next;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const store = createMessageStore(options.maxStoredMessages);
  const templates = isLibrary(options.templates)
    ? options.templates
    : options.templates
      ? createTemplateLibrary(options.templates)
      : undefined;
  // Strict (RULES.md section 9); ADVISE findings never reject: SES accepts those requests, and the
  // mock keeps the advice on the stored message instead.
  const checks = {
    SendEmail: checkWith(options.validators?.sendEmail, (body) => checkSendEmail(body, { strict: true })),
    SendBulkEmail: checkWith(options.validators?.sendBulkEmail, (body) =>
      checkSendBulkEmail(body, { strict: true }),
    ),
  };

  // Answers that share a headers object (plain JSON ones do) share the merged one too, frozen, so the
  // common answer allocates no headers and the node adapter can cache its flat header list.
  const withCors = new WeakMap<Record<string, string>, Record<string, string>>();

  function finish(response: MockResponse): MockResponse {
    if (wire.name === 'aws') {
      const headers: Record<string, string> = { ...response.headers, ...CORS_HEADERS };
      headers['x-amzn-RequestId'] = ids.requestId();
      return { status: response.status, headers, body: response.body };
    }
    let headers = withCors.get(response.headers);
    if (!headers) {
      headers = Object.freeze({ ...response.headers, ...CORS_HEADERS });
      if (Object.isFrozen(response.headers)) withCors.set(response.headers, headers);
    }
    return { status: response.status, headers, body: response.body };
  }

  function remember(
    operation: MockOperation,
    summary: RequestSummary | RenderedSummary,
    body: unknown,
    bytes: number,
    id: string,
    createdAt: string,
    advice: readonly Violation[],
    bulk?: StoredMessage['bulk'],
  ): void {
    // Member by member, in the order clients see them: spreads inside a literal are the slow path.
    const message: StoredMessage = Object.assign(
      { id, operation, profile: wire.name, createdAt },
      summary,
      // A rendered summary brings its own events; any other message is delivered.
      'events' in summary ? undefined : { events: deliveredEvents() },
      bulk ? { bulk, request: body } : { request: body },
    );
    if (advice.length > 0) message.advice = advice.map(storedAdvice);
    store.add(message, bytes);
    options.onMessage?.(message);
  }

  /** Stores a SendEmail; a promise only when its summary needs one (raw MIME). */
  function keep(
    body: unknown,
    rendered: RenderedMessage | undefined,
    bytes: number,
    id: string,
    createdAt: string,
    advice: readonly Violation[],
  ): Promise<void> | undefined {
    const summary = rendered ? renderedSummary(rendered) : summarizeRequest(body);
    if (summary instanceof Promise) {
      return summary.then((s) => remember('SendEmail', s, body, bytes, id, createdAt, advice));
    }
    remember('SendEmail', summary, body, bytes, id, createdAt, advice);
    return undefined;
  }

  function sendEmail(body: unknown, bytes: number): MockResponse | Promise<MockResponse> {
    const { violations, advice } = checks.SendEmail(body);
    if (violations.length > 0) return wire.invalid(violations);
    const rendered = renderSendEmail(body, templates);
    if (rendered?.rendering.status === 'not-found')
      return wire.templateNotFound(rendered.rendering.templateName);
    const issued = nextId();
    const id = issued.id;
    const createdAt = issued.createdAt.toISOString();
    const kept = keep(body, rendered, bytes, id, createdAt, advice);
    return kept
      ? kept.then(() => wire.sendEmailAccepted(id, createdAt))
      : wire.sendEmailAccepted(id, createdAt);
  }

  function sendBulkEmail(body: unknown, bytes: number): MockResponse | Promise<MockResponse> {
    const { violations, advice } = checks.SendBulkEmail(body);
    const perEntry =
      violations.length > 0 &&
      wire.perEntryBulkResults &&
      violations.every((v) => PER_ENTRY_RULES.has(v.rule) && entryIndex(v.path) !== undefined);
    if (violations.length > 0 && !perEntry) return wire.invalid(violations);
    // Every entry shares the default template, so one unknown name refuses the whole request.
    const rendered = renderSendBulkEmail(body, templates);
    const unknownTemplate = rendered.find((r) => r.rendering.status === 'not-found')?.rendering;
    if (unknownTemplate?.status === 'not-found') return wire.templateNotFound(unknownTemplate.templateName);
    const failures = new Map<number, Violation[]>();
    for (const v of violations) {
      const index = entryIndex(v.path) ?? -1;
      failures.set(index, [...(failures.get(index) ?? []), v]);
    }
    const request = nextId();
    const createdAt = request.createdAt.toISOString();
    const outcomes: BulkEntryOutcome[] = [];
    const entries = entryCount(body);
    for (let index = 0; index < entries; index++) {
      const failed = failures.get(index);
      // A bad destination is a message SES refuses; bad replacement data is a bad parameter.
      const outcome: BulkEntryOutcome = failed
        ? {
            status: failed.every((v) => v.rule === 'C-BULK3') ? 'MESSAGE_REJECTED' : 'INVALID_PARAMETER',
            error: failed.map(formatViolation).join('; '),
          }
        : { status: 'SUCCESS', messageId: wire.name === 'aws' ? nextId().id : request.id };
      outcomes.push(outcome);
      const message = rendered[index];
      if (outcome.status !== 'SUCCESS' || !message) continue;
      // Each entry is a message of its own (its recipients, its rendering); the request's bytes are
      // counted once, with its first stored entry.
      remember(
        'SendBulkEmail',
        renderedSummary(message),
        body,
        outcomes.filter((o) => o.status === 'SUCCESS').length === 1 ? bytes : 0,
        outcome.messageId,
        createdAt,
        // Advice about another entry is not this message's.
        advice.filter((v) => {
          const about = entryIndex(v.path);
          return about === undefined || about === index;
        }),
        { requestId: request.id, entry: index, entries },
      );
    }
    return wire.sendBulkEmailAccepted(request.id, createdAt, outcomes);
  }

  function beforeBody(
    method: string,
    path: string,
    contentType: string | null,
    contentLength: number | undefined,
  ): MockResponse | undefined {
    if (path === INBOX_PATH || path === INBOX_SCRIPT_PATH) {
      return method === 'GET' ? undefined : finish(wire.methodNotAllowed(method, path, ['GET']));
    }
    if (path === MESSAGES_PATH) {
      return method === 'GET' || method === 'DELETE'
        ? undefined
        : finish(wire.methodNotAllowed(method, path, ['GET', 'DELETE']));
    }
    if (!Object.hasOwn(OPERATIONS, path)) return finish(wire.notFound(method, path));
    if (method === 'OPTIONS') {
      return finish({
        status: 204,
        headers: {
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': '*',
          'access-control-max-age': '600',
        },
        body: '',
      });
    }
    if (method !== 'POST') return finish(wire.methodNotAllowed(method, path, ['POST']));
    if (!isJsonMediaType(contentType)) return finish(wire.unsupportedMediaType(contentType ?? ''));
    if (contentLength !== undefined && contentLength > maxBodyBytes)
      return finish(wire.tooLarge(maxBodyBytes));
    return undefined;
  }

  function failed(error: unknown): MockResponse {
    // Only a defect of the mock (or of an onMessage callback) gets here; say so rather than hide it.
    return wire.internalError(error instanceof Error ? error.message : String(error));
  }

  async function later(pending: MockResponse | Promise<MockResponse>): Promise<MockResponse> {
    let response: MockResponse;
    try {
      response = await pending;
    } catch (error) {
      response = failed(error);
    }
    if (options.latencyMs) await sleep(options.latencyMs);
    return finish(response);
  }

  function respond(request: MockRequest): MockResponse | Promise<MockResponse> {
    const { method, path, contentType, body } = request;
    const early = beforeBody(method, path, contentType, body.byteLength);
    if (early) return early;
    if (path === INBOX_PATH) {
      return finish({
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': INBOX_CONTENT_SECURITY_POLICY,
        },
        body: renderInboxPage(store.list(), store.version),
      });
    }
    if (path === INBOX_SCRIPT_PATH) {
      return finish({
        status: 200,
        headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' },
        body: INBOX_SCRIPT,
      });
    }
    if (path === MESSAGES_PATH) {
      if (method === 'DELETE') return finish(jsonResponse(200, { deleted: store.clear() }));
      return finish(jsonResponse(200, { messages: store.list() }));
    }
    const operation = OPERATIONS[path] ?? 'SendEmail';
    let response: MockResponse | Promise<MockResponse>;
    try {
      const parsed = readJsonBody(body);
      if (!parsed.ok) response = wire.invalid([parsed.violation]);
      else if (operation === 'SendEmail') response = sendEmail(parsed.value, body.byteLength);
      else response = sendBulkEmail(parsed.value, body.byteLength);
    } catch (error) {
      response = failed(error);
    }
    return response instanceof Promise || options.latencyMs ? later(response) : finish(response);
  }

  return {
    beforeBody,
    tooLarge: () => finish(wire.tooLarge(maxBodyBytes)),
    notHttp: (reason) =>
      finish(wire.invalid([violation('C-REQ1', '', `the request is not well-formed HTTP/1.1 (${reason})`)])),
    respond,
    messages: store,
    maxBodyBytes,
  };
}
