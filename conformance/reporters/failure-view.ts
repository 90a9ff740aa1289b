/**
 * What every reporter shows of a failure: the shrunk request (JSON when it parses), the response
 * (status, headers, body), a curl command and the replay command. Long values are abbreviated.
 */
import { curlCommand } from '../runner/curl-command.ts';
import { type CommandContext, replayCommand, replayFileCommand } from '../runner/replay-command.ts';
import { DEFAULT_REPLAY_FILE } from '../runner/replay-file.ts';
import type { PropertyResult } from '../runner/run-conformance.ts';

export type FailureView = {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response?: { status: number; headers: Record<string, string>; body: unknown };
  error?: string;
  curl: string;
  replay: string;
};

const MAX_STRING = 2000;

/** Strings inside a JSON value cut to a readable length (the 40 MiB Data field stays printable). */
export function abbreviateJson(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length <= MAX_STRING
      ? value
      : `${value.slice(0, MAX_STRING)}… (${value.length - MAX_STRING} more characters)`;
  }
  if (Array.isArray(value)) return value.map(abbreviateJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, abbreviateJson(v)]));
  }
  return value;
}

function bodyValue(text: string): unknown {
  try {
    return abbreviateJson(JSON.parse(text));
  } catch {
    return abbreviateJson(text);
  }
}

export function failureView(
  result: PropertyResult,
  context: CommandContext,
  replayFile = context.replayFile ?? DEFAULT_REPLAY_FILE,
): FailureView | undefined {
  const failure = result.failure;
  if (!failure) return undefined;
  // A result read back from a shard's JSON report keeps the view that shard rendered.
  if (failure.view) return failure.view;
  const { request, response, error } = failure.exchange;
  return {
    request: {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: bodyValue(request.body),
    },
    ...(response
      ? { response: { status: response.status, headers: response.headers, body: bodyValue(response.body) } }
      : {}),
    ...(error ? { error } : {}),
    curl: curlCommand(
      request,
      (bytes) =>
        `# the ${bytes}-byte body is too long for a command line; send it again with: ${replayFileCommand(context, replayFile, result.property)}`,
    ),
    replay: replayCommand(context, result.property, failure.path),
  };
}
