/**
 * A validation proxy in front of an SES v2 implementation (as Prism's proxy is in front of an
 * OpenAPI one): every request goes to the target unchanged — method, path under the target's base
 * path, headers (Host and any SigV4 signature included) and body bytes — and every answer comes
 * back unchanged. On the way, SendEmail / SendBulkEmail requests are checked by the rules engine and
 * the target's answers by the conformance suite's checks; each broken rule is one finding.
 *
 * The body streams through while it is kept once for the engine (`held-body.ts`); with `reject`,
 * a request that breaks a MUST rule is answered by the proxy in the profile's error shape and never
 * reaches the target. A target that hangs, resets or answers garbage gets the client a 504 / 502 in
 * the profile's envelope, never a crash.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Agent, type Dispatcher } from 'undici';
import { OPERATION_TABLE, OPERATIONS, type Operation } from '../contract/operations.ts';
import { RULE_LEVELS } from '../contract/rule-catalog.ts';
import type { ViolationLevel } from '../contract/violation.ts';
import { awsWire } from '../server/aws-wire.ts';
import { documentedWire } from '../server/documented-wire.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../server/mock-responder.ts';
import { CORS_HEADERS, type MockResponse } from '../server/mock-response.ts';
import { requestPath } from '../server/request-path.ts';
import type { WireProfileName } from '../server/wire-profile.ts';
import { type GatewayFailure, gatewayAnswer } from './gateway-errors.ts';
import { holdBody } from './held-body.ts';
import { isOtherProfileAnswer } from './other-profile-answer.ts';
import { countFinding, emptyTally, type ProxyFinding, type ProxyTally } from './proxy-finding.ts';
import { breaksMust, type CheckedRequest, checkRequest } from './request-check.ts';
import { answerJson, checkResponse } from './response-check.ts';

export type ValidationProxyOptions = {
  /** The implementation: an http(s) URL, with a base path if it has one. */
  target: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  profile: WireProfileName;
  /** Check SHOULD rules too (MUST only by default, as `conform`). */
  strict?: boolean;
  /** Answer a request that breaks a MUST rule with the profile's error instead of forwarding it. */
  reject?: boolean;
  /** How long the target gets for its headers, and between body chunks. Default 30 s. */
  timeoutMs?: number;
  /** Bodies are checked up to this size (default: the mock's, C-MIME9's 40 MiB of base64 plus the JSON). */
  maxBodyBytes?: number;
  onFinding: (finding: ProxyFinding) => void;
};

export type RunningValidationProxy = { url: string; tally: ProxyTally; close(): Promise<void> };

const OPERATION_OF_PATH = new Map<string, Operation>(
  OPERATIONS.map((operation) => [OPERATION_TABLE[operation].path, operation]),
);

/** Headers of one connection, not of the message: never forwarded either way (RFC 9110 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  // The proxy already answered the client's 100-continue; the target gets the body at once.
  'expect',
]);

function withoutHopByHop(raw: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, raw[i + 1] as string);
  }
  return kept;
}

function lowerCaseRecord(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

function declaredLength(request: IncomingMessage): number | undefined {
  const value = request.headers['content-length'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function hasBody(request: IncomingMessage): boolean {
  return (declaredLength(request) ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
}

type TargetAnswer = { status: number; rawHeaders: string[]; body: Buffer };

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function failureOf(error: unknown): GatewayFailure {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const reason = code && !message.includes(code) ? `${code}: ${message}` : message;
  return { status: code && TIMEOUT_CODES.has(code) ? 504 : 502, reason };
}

/**
 * Chunks of the client's body on their way to the target, each kept in `hold` as it passes. The
 * iterator leaves the request open when the target stops reading early (an early 413), so the
 * proxy can still read the rest and answer.
 */
async function* relayed(request: IncomingMessage, hold: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const chunk of request.iterator({ destroyOnReturn: false })) {
    hold(chunk as Buffer);
    yield chunk as Buffer;
  }
}

async function readRest(request: IncomingMessage, hold: (chunk: Buffer) => boolean): Promise<void> {
  if (request.readableEnded) return;
  for await (const chunk of request.iterator({ destroyOnReturn: false })) {
    if (!hold(chunk as Buffer)) return;
  }
}

function write(response: ServerResponse, status: number, rawHeaders: string[], body: Uint8Array): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, rawHeaders);
  response.end(body);
}

/**
 * The proxy's own answers (a rejection, a failing target) carry the reference mock's CORS headers,
 * so a frontend that calls the proxy can read why it was refused.
 */
function writeOwn(response: ServerResponse, answer: MockResponse, closeAfter: boolean): void {
  const headers: string[] = [];
  for (const [name, value] of Object.entries({ ...CORS_HEADERS, ...answer.headers }))
    headers.push(name, value);
  const body = Buffer.from(answer.body);
  headers.push('content-length', String(body.byteLength));
  if (closeAfter) headers.push('connection', 'close');
  write(response, answer.status, headers, body);
}

export async function startValidationProxy(options: ValidationProxyOptions): Promise<RunningValidationProxy> {
  const target = new URL(options.target);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new Error(`the target ${options.target} is not an http(s) URL`);
  }
  const basePath = target.pathname.replace(/\/$/, '');
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const wire = options.profile === 'aws' ? awsWire : documentedWire;
  const agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connectTimeout: timeoutMs });
  const tally = emptyTally(options.profile);
  const report = (finding: ProxyFinding) => {
    countFinding(tally, finding);
    options.onFinding(finding);
  };

  async function forward(
    request: IncomingMessage,
    body: Dispatcher.DispatchOptions['body'],
  ): Promise<TargetAnswer | GatewayFailure> {
    try {
      const answer = await agent.request({
        origin: target.origin,
        path: `${basePath}${request.url ?? '/'}`,
        method: (request.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: withoutHopByHop(request.rawHeaders),
        body,
        responseHeaders: 'raw',
      });
      const bytes = Buffer.from(await answer.body.arrayBuffer());
      return { status: answer.statusCode, rawHeaders: answer.headers as unknown as string[], body: bytes };
    } catch (error) {
      return failureOf(error);
    }
  }

  /** The target's answer to the client as it came, but for the headers of the proxy's own connection. */
  function relayAnswer(request: IncomingMessage, response: ServerResponse, answer: TargetAnswer): void {
    const headers = withoutHopByHop(answer.rawHeaders);
    const hasLength = headers.some((name, i) => i % 2 === 0 && name.toLowerCase() === 'content-length');
    if (!hasLength && request.method !== 'HEAD' && answer.status !== 204 && answer.status !== 304) {
      headers.push('content-length', String(answer.body.byteLength));
    }
    write(response, answer.status, headers, answer.body);
  }

  function reportRequest(
    base: Pick<ProxyFinding, 'request' | 'method' | 'url'>,
    checked: CheckedRequest,
    action: 'forwarded' | 'rejected',
    status: number,
    targetRequestId: string | undefined,
  ): void {
    for (const v of checked.violations) {
      report({
        ...base,
        side: 'request',
        rule: v.rule,
        clause: v.clause,
        level: v.level,
        path: v.path,
        message: v.message,
        status,
        action,
        ...(targetRequestId ? { targetRequestId } : {}),
      });
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const id = `r${++tally.requests}`;
    const method = request.method ?? 'GET';
    const base = { request: id, method, url: request.url ?? '/' };
    const operation = method === 'POST' ? OPERATION_OF_PATH.get(requestPath(request.url ?? '/')) : undefined;
    const failed = (failure: GatewayFailure) => {
      tally.targetFailures++;
      report({ ...base, side: 'target', message: failure.reason, status: failure.status });
      writeOwn(response, gatewayAnswer(options.profile, failure), !request.readableEnded);
    };

    if (!operation) {
      const answer = await forward(request, hasBody(request) ? request : null);
      tally.forwarded++;
      if ('reason' in answer) failed(answer);
      else relayAnswer(request, response, answer);
      return;
    }

    tally.checked++;
    const held = holdBody(limit, declaredLength(request));
    const check = () =>
      checkRequest({
        operation,
        contentType: request.headers['content-type'] ?? null,
        bytes: held.bytes(),
        length: held.length,
        limitBytes: limit,
        strict: options.strict ?? false,
      });

    let checked: CheckedRequest | undefined;
    let answer: TargetAnswer | GatewayFailure;
    if (options.reject) {
      await readRest(request, (chunk) => held.add(chunk));
      checked = check();
      if (breaksMust(checked)) {
        const own = held.overLimit
          ? wire.tooLarge(limit)
          : wire.invalid(checked.violations.filter((v) => v.level === 'MUST'));
        tally.rejected++;
        reportRequest(base, checked, 'rejected', own.status, undefined);
        writeOwn(response, own, !request.readableEnded);
        return;
      }
      answer = await forward(request, held.bytes() ?? null);
    } else {
      answer = await forward(
        request,
        hasBody(request)
          ? Readable.from(
              relayed(request, (chunk) => {
                held.add(chunk);
              }),
              { objectMode: false },
            )
          : null,
      );
      // The target may answer before it has read the whole body (a 413); the engine needs it all.
      await readRest(request, (chunk) => held.add(chunk));
      checked = check();
    }
    tally.forwarded++;
    if ('reason' in answer) {
      reportRequest(base, checked, 'forwarded', answer.status, undefined);
      failed(answer);
      return;
    }
    const headers = lowerCaseRecord(answer.rawHeaders);
    const targetRequestId = headers['x-amzn-requestid'];
    reportRequest(base, checked, 'forwarded', answer.status, targetRequestId);
    const body = answer.body.toString('utf8');
    const problem = checkResponse(
      operation,
      checked,
      { status: answer.status, headers, body },
      options.profile,
    );
    if (problem) {
      tally.faultedAnswers++;
      if (isOtherProfileAnswer(options.profile, operation, answer.status, answerJson(body))) {
        tally.otherProfileAnswers++;
      }
      report({
        ...base,
        side: 'response',
        rule: problem.rule,
        // Wire rules are MUST or SHOULD, never OPEN.
        level: RULE_LEVELS[problem.rule] as ViolationLevel,
        message: problem.message,
        status: answer.status,
        ...(targetRequestId ? { targetRequestId } : {}),
      });
    }
    relayAnswer(request, response, answer);
  }

  const server = createServer((request, response) => {
    // The target's Date header, or none: the proxy adds nothing to the answer.
    response.sendDate = false;
    handle(request, response).catch((error: unknown) => {
      // Only a defect of the proxy gets here; the client still gets an answer in the profile's shape.
      failedInternally(request, response, error);
    });
  });

  function failedInternally(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    report({
      request: `r${tally.requests}`,
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      side: 'target',
      message: `the proxy failed: ${reason}`,
      status: 502,
    });
    if (!response.headersSent)
      writeOwn(response, gatewayAnswer(options.profile, { status: 502, reason }), true);
    else response.destroy();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    tally,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await agent.destroy();
    },
  };
}
