/**
 * One conformance session: checks resolved options, finds or starts the target, sends the
 * selected properties' cases (or a replay file's recorded ones) and returns the outcome as data.
 * It prints nothing and never exits; `ses-contract conform` maps flags to these options and the
 * outcome to output and an exit code. The SigV4 transport and the embedded reference mock are
 * imported only when a session needs them, so code that never signs never loads @smithy/*.
 */

import { OPERATION_TABLE } from '../src/contract/operations.ts';
import type { WireProfileName } from '../src/contract/schema/spec-documents.ts';
import { validateSendEmail } from '../src/contract/validate-send-email.ts';
import { InternalError, TargetUnreachableError, UsageError } from './errors.ts';
import type { RunSettings } from './run-settings.ts';
import { profileHint, profileHintLine } from './runner/profile-hint.ts';
import type { CommandContext } from './runner/replay-command.ts';
import { checkReplayEntries, replayFailures, selectedEntries } from './runner/replay-failures.ts';
import { type ReplayFile, replayFileOf } from './runner/replay-file.ts';
import {
  type ConformanceReport,
  type PropertyResult,
  runConformance,
  selectedDefinitions,
} from './runner/run-conformance.ts';
import { safeText } from './runner/safe-text.ts';
import type { Shard } from './runner/shard.ts';
import { signFailureRequests } from './runner/signed-failures.ts';
import { statusNoteLine, unexpectedStatuses } from './runner/unexpected-statuses.ts';
import { httpTransport, type Transport } from './transport/transport.ts';

export type SessionWork =
  /** Generate and send cases for the selected properties. */
  | {
      kind: 'run';
      runs: number;
      concurrency: number;
      path?: string;
      /** `--shard I/N`: this part of the selected properties (`runner/shard.ts`). */
      shard?: Shard;
      /** `--max-time`: a budget for the whole run in seconds, shared over the properties. */
      maxTimeS?: number;
    }
  /** Send a replay file's recorded cases again; profile, strictness, sender and seed are the file's. */
  | { kind: 'replay'; file: ReplayFile };

export type SessionOptions = RunSettings & {
  /** The implementation under test; without one, the reference mock runs in a child process. */
  baseUrl?: string;
  /** Globs over property names and rule ids; empty = all. */
  only: readonly string[];
  timeoutMs: number;
  work: SessionWork;
  /** Called once the target answers, before the first case. */
  onStart?: (target: { baseUrl: string; embedded: boolean; properties: number }) => void;
  onProgress?: (result: PropertyResult, done: number, total: number) => void;
};

type Reported = {
  report: ConformanceReport;
  /** What reporters need to print replay commands. */
  context: CommandContext;
  /**
   * One line each about what the failures have in common and the likely fix (statuses no property
   * expects, error bodies of the other wire profile); empty when there is nothing to say.
   */
  notes: string[];
};

/** How a session ended. A target that cannot be reached at all is a `TargetUnreachableError`. */
export type SessionOutcome =
  | ({ kind: 'passed' } & Reported)
  | ({ kind: 'failed'; replayFile: ReplayFile } & Reported)
  /** The target stopped answering part-way; the cases after that failed unsent. */
  | ({ kind: 'target-died'; reason: string; replayFile: ReplayFile } & Reported);

/** The sender must itself be a valid address, or every valid case would be invalid. */
function senderProblem(from: string): string | undefined {
  if (!/^[\x21-\x7e]+$/.test(from)) return 'use a plain ASCII address such as sender@example.com';
  const violations = validateSendEmail(
    {
      FromEmailAddress: from,
      Destination: { ToAddresses: ['a@example.com'] },
      Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } },
    },
    { strict: true },
  );
  return violations[0] ? `${violations[0].rule}: ${violations[0].message}` : undefined;
}

/** Throws a `UsageError` naming the first option that cannot work. */
export function checkSessionOptions(options: SessionOptions): void {
  const problem = senderProblem(options.from);
  if (problem) {
    throw new UsageError(`--from ${safeText(options.from)} is not a valid sender address (${problem}).`);
  }
  // An invalid address would be refused for its syntax, which says nothing about identities.
  for (const [flag, address] of [
    ['--unverified-from', options.unverifiedFrom],
    ['--sandbox-recipient', options.sandboxRecipient],
  ] as const) {
    const why = address === undefined ? undefined : senderProblem(address);
    if (why) throw new UsageError(`${flag} ${safeText(address ?? '')} is not a valid address (${why}).`);
  }
  if (options.baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.baseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new UsageError(`--base-url ${safeText(options.baseUrl)} is not an http(s) URL.`);
    }
  }
  if (options.sign && !/^[a-z]{2}(-[a-z0-9]+)+$/.test(options.sign.region)) {
    throw new UsageError(
      `--region ${safeText(options.sign.region)} is not an AWS region name such as us-east-1.`,
    );
  }
  if (options.work.kind === 'replay' && selectedEntries(options.work.file, options.only).length === 0) {
    throw new UsageError(`--only ${safeText(options.only.join(','))} selects no entry of the replay file.`);
  }
  if (options.work.kind === 'run') {
    const selected = selectedDefinitions({ ...options, runs: options.work.runs, shard: options.work.shard });
    if (selected.length === 0 && options.work.shard) {
      const all = selectedDefinitions(options).length;
      throw new UsageError(
        `--shard ${options.work.shard.index}/${options.work.shard.count} selects no property: the selection has ${all}, so use at most ${all} shards.`,
      );
    }
    if (selected.length === 0) {
      throw new UsageError(
        `--only ${safeText(options.only.join(','))} selects no property (run with --reporter json to list them).`,
      );
    }
    if (options.work.path && selected.length !== 1) {
      throw new UsageError(
        `--path replays one property; --only selects ${selected.length}. Pass the property's full name.`,
      );
    }
  }
}

/** Any HTTP answer at all means the target is there; only a network error or a timeout does not. */
async function unreachable(
  transport: Transport,
  baseUrl: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const url = `${new URL(baseUrl).origin}${new URL(baseUrl).pathname.replace(/\/$/, '')}${OPERATION_TABLE['send-email'].path}`;
  const parts = {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(timeoutMs),
  };
  try {
    // The cases go through sendPlain when the transport has it, and so does this probe: fetch
    // refuses the Fetch standard's "bad ports" (6000, 6665–6669, …) that a target may well use.
    if (transport.sendPlain) await transport.sendPlain(parts);
    else await (await transport(new Request(url, parts))).arrayBuffer();
    return undefined;
  } catch (error) {
    if (error instanceof InternalError) throw error;
    // fetch wraps the network error in `cause`; undici's own request names it on the error itself.
    const { code, cause } = error as { code?: string; cause?: { code?: string; message?: string } };
    return (
      cause?.code ?? (code?.startsWith('E') ? code : undefined) ?? cause?.message ?? (error as Error).message
    );
  }
}

/** A strict run meets a strict mock: the reference refuses SHOULD breaches only when told to. */
async function startEmbeddedMock(profile: WireProfileName, strict: boolean) {
  const { startMockProcess } = await import('../src/server/start-mock-process.ts');
  try {
    return await startMockProcess({ profile, strict, port: 0 });
  } catch (error) {
    throw new TargetUnreachableError((error as Error).message, { cause: error });
  }
}

function notesOn(report: ConformanceReport): string[] {
  const hint = profileHint(report);
  return [...unexpectedStatuses(report).map(statusNoteLine), ...(hint ? [profileHintLine(hint)] : [])];
}

export async function runSession(options: SessionOptions): Promise<SessionOutcome> {
  checkSessionOptions(options);
  const work = options.work;
  // A replay checks the recorded cases as they were recorded.
  const identitiesOf = (o: Pick<SessionOptions, 'unverifiedFrom' | 'sandboxRecipient'>) => ({
    ...(o.unverifiedFrom !== undefined && { unverifiedFrom: o.unverifiedFrom }),
    ...(o.sandboxRecipient !== undefined && { sandboxRecipient: o.sandboxRecipient }),
  });
  const recorded =
    work.kind === 'replay'
      ? {
          profile: work.file.profile,
          strict: work.file.strict,
          from: work.file.from,
          seed: work.file.seed,
          ...identitiesOf(work.file),
        }
      : {
          profile: options.profile,
          strict: options.strict,
          from: options.from,
          seed: options.seed,
          ...identitiesOf(options),
        };
  if (work.kind === 'replay') checkReplayEntries(work.file, options.only);
  const embedded =
    options.baseUrl === undefined ? await startEmbeddedMock(recorded.profile, recorded.strict) : undefined;
  try {
    const baseUrl = options.baseUrl ?? (embedded as NonNullable<typeof embedded>).url;
    const sigv4 = options.sign ? await import('./transport/sigv4-transport.ts') : undefined;
    const transport =
      sigv4 && options.sign ? sigv4.sigv4Transport(httpTransport(), options.sign) : httpTransport();
    const why = await unreachable(transport, baseUrl, options.timeoutMs);
    if (why) {
      throw new TargetUnreachableError(
        `cannot reach ${safeText(baseUrl)} (${safeText(why)}); is the implementation running there?`,
      );
    }
    const context: CommandContext = {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...recorded,
      ...(options.sign ? { sign: options.sign } : {}),
    };
    const total =
      work.kind === 'run'
        ? selectedDefinitions({ ...recorded, only: options.only, runs: work.runs, shard: work.shard }).length
        : selectedEntries(work.file, options.only).length;
    options.onStart?.({ baseUrl, embedded: embedded !== undefined, properties: total });
    const unsigned =
      work.kind === 'replay'
        ? await replayFailures(work.file, {
            transport,
            baseUrl,
            timeoutMs: options.timeoutMs,
            only: options.only,
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          })
        : await runConformance({
            transport,
            baseUrl,
            ...recorded,
            runs: work.runs,
            only: options.only,
            ...(work.path ? { path: work.path } : {}),
            timeoutMs: options.timeoutMs,
            concurrency: work.concurrency,
            ...(work.shard ? { shard: work.shard } : {}),
            ...(work.maxTimeS !== undefined ? { maxTimeMs: work.maxTimeS * 1000 } : {}),
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          });
    const report =
      sigv4 && options.sign ? await signFailureRequests(unsigned, sigv4.sigv4Signer(options.sign)) : unsigned;
    const notes = notesOn(report);
    if (report.summary.failed === 0) return { kind: 'passed', report, context, notes };
    const replayFile = replayFileOf(report, context);
    if (report.targetDied) {
      return { kind: 'target-died', reason: report.targetDied, report, context, notes, replayFile };
    }
    return { kind: 'failed', report, context, notes, replayFile };
  } finally {
    await embedded?.close();
  }
}
