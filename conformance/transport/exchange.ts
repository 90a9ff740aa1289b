/**
 * One request and what came back, as plain data: the unit every check reads and every report
 * prints. Sending never throws and never hangs: a network error or a timeout (covering the whole
 * exchange, body included) becomes `error`.
 */
import { type ConformanceCase, caseBodyText, caseHeaders, operationUrl } from '../case.ts';
import type { PlainResponse, Transport } from './transport.ts';

export type SentRequest = { method: string; url: string; headers: Record<string, string>; body: string };
export type ReceivedResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
  json?: unknown;
};

export type Exchange = {
  case: ConformanceCase;
  request: SentRequest;
  response?: ReceivedResponse;
  /** Why no response was read: connection refused or reset, timeout. */
  error?: string;
  durationMs: number;
};

export type SendOptions = { baseUrl: string; timeoutMs: number };

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error)
    return `${error.message}: ${(cause as NodeJS.ErrnoException).code ?? cause.message}`;
  // undici's own errors carry their code (UND_ERR_SOCKET for a reset) rather than a cause.
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}

/** The exchange through the call signature: a `Request` out, a `Response` read back in full. */
async function viaRequest(
  transport: Transport,
  sent: SentRequest,
  signal: AbortSignal,
): Promise<PlainResponse> {
  const answer = await transport(
    new Request(sent.url, { method: sent.method, headers: sent.headers, body: sent.body, signal }),
  );
  const body = await answer.text();
  return { status: answer.status, headers: headersOf(answer.headers), body };
}

export async function sendCase(
  transport: Transport,
  c: ConformanceCase,
  options: SendOptions,
): Promise<Exchange> {
  const controller = new AbortController();
  const sent: SentRequest = {
    method: 'POST',
    url: operationUrl(options.baseUrl, c.operation),
    headers: caseHeaders(c),
    // Stringified once: the C-MIME9 case is 40 MiB.
    body: caseBodyText(c),
  };
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no complete answer within ${options.timeoutMs} ms (timeout)`);
      controller.abort(error);
      reject(error);
    }, options.timeoutMs);
  });
  try {
    const response = await Promise.race([
      transport.sendPlain
        ? transport.sendPlain({ ...sent, signal: controller.signal })
        : viaRequest(transport, sent, controller.signal),
      timeout,
    ]);
    const json = parseJson(response.body);
    return {
      case: c,
      request: sent,
      response: json === undefined ? response : { ...response, json },
      durationMs: performance.now() - started,
    };
  } catch (error) {
    return { case: c, request: sent, error: describeError(error), durationMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
