/**
 * The replay file (default `.ses-contract/replay.json`): every failure of a run, so `--replay FILE`
 * can send exactly those cases again and run the same checks on them, like a crash file.
 * A counterexample is stored as generated while its JSON is at most 1 MiB; a larger one (the
 * 40 MiB C-MIME9 case) is stored as the property's seed and fast-check path that rebuild it, with
 * the SHA-256 of its JSON, so the file stays small and a replay still sends the exact bytes.
 */
import { createHash } from 'node:crypto';
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import type { Operation } from '../case.ts';
import type { RunSettings } from '../run-settings.ts';
import { type CommandContext, replayCommand } from './replay-command.ts';
import type { ConformanceReport, PropertyResult } from './run-conformance.ts';

export const DEFAULT_REPLAY_FILE = '.ses-contract/replay.json';

/** Above this many bytes of JSON a counterexample is stored as the seed and path that rebuild it. */
export const MAX_STORED_COUNTEREXAMPLE_BYTES = 1024 * 1024;

export type RegeneratedCounterexample = {
  /** The property's own seed (`propertySeed(runSeed, property)`). */
  seed: number;
  /** The fast-check path of the shrunk counterexample. */
  path: string;
  /** SHA-256 (hex) of the counterexample's JSON: the rebuilt value must match it. */
  sha256: string;
  /** Length in bytes of that JSON, to say what was left out. */
  bytes: number;
};

export type ReplayEntry = {
  property: string;
  operation: Operation;
  rules: RuleId[];
  problem: { rule: RuleId; message: string };
  path: string;
  replay: string;
} & ({ counterexample: unknown } | { regenerate: RegeneratedCounterexample });

export const REPLAY_FILE_VERSION = 2;

export type ReplayFile = RunSettings & {
  version: typeof REPLAY_FILE_VERSION;
  baseUrl: string;
  /**
   * The run's target was the embedded reference mock (`baseUrl` is then a port that is gone);
   * otherwise `--replay` without `--base-url` sends to `baseUrl` again.
   */
  embedded?: true;
  failures: ReplayEntry[];
};

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function storedCounterexample(
  result: PropertyResult & { failure: NonNullable<PropertyResult['failure']> },
): { counterexample: unknown } | { regenerate: RegeneratedCounterexample } {
  const json = JSON.stringify(result.failure.counterexample) ?? 'null';
  const bytes = Buffer.byteLength(json);
  if (bytes <= MAX_STORED_COUNTEREXAMPLE_BYTES) return { counterexample: result.failure.counterexample };
  return { regenerate: { seed: result.seed, path: result.failure.path, sha256: sha256Hex(json), bytes } };
}

export function replayFileOf(report: ConformanceReport, context: CommandContext): ReplayFile {
  return {
    version: REPLAY_FILE_VERSION,
    profile: report.profile,
    strict: report.strict,
    from: context.from,
    seed: report.seed,
    baseUrl: report.baseUrl,
    ...(context.baseUrl === undefined ? { embedded: true as const } : {}),
    ...(context.unverifiedFrom !== undefined ? { unverifiedFrom: context.unverifiedFrom } : {}),
    ...(context.sandboxRecipient !== undefined ? { sandboxRecipient: context.sandboxRecipient } : {}),
    ...(context.sign ? { sign: context.sign } : {}),
    failures: report.results.flatMap((r) =>
      r.failure
        ? [
            {
              property: r.property,
              operation: r.operation,
              rules: r.rules,
              problem: { rule: r.failure.problem.rule, message: r.failure.problem.message },
              path: r.failure.path,
              replay: replayCommand(context, r.property, r.failure.path),
              ...storedCounterexample({ ...r, failure: r.failure }),
            },
          ]
        : [],
    ),
  };
}

function isEntry(value: unknown): boolean {
  const entry = value as Partial<Record<string, unknown>> | null;
  if (!entry || typeof entry !== 'object' || typeof entry.property !== 'string') return false;
  if ('counterexample' in entry) return true;
  const regenerate = entry.regenerate as Partial<RegeneratedCounterexample> | undefined;
  return (
    typeof regenerate?.seed === 'number' &&
    typeof regenerate.path === 'string' &&
    typeof regenerate.sha256 === 'string'
  );
}

/** Reads a replay file's JSON, or says in one sentence why it cannot. */
export function parseReplayFile(text: string): ReplayFile | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  const file = (json ?? {}) as Partial<ReplayFile>;
  if (
    // Version 1 files hold every counterexample whole, which is a subset of version 2.
    (file.version !== REPLAY_FILE_VERSION && (file.version as number | undefined) !== 1) ||
    !Array.isArray(file.failures) ||
    (file.profile !== 'documented' && file.profile !== 'aws') ||
    typeof file.strict !== 'boolean' ||
    typeof file.from !== 'string' ||
    typeof file.seed !== 'number'
  ) {
    return `not a ses-contract replay file (version ${REPLAY_FILE_VERSION} with profile, strict, from, seed and failures)`;
  }
  const bad = file.failures.findIndex((entry) => !isEntry(entry));
  if (bad >= 0) return `not a ses-contract replay file (failures/${bad} has no property and counterexample)`;
  return { ...file, version: REPLAY_FILE_VERSION } as ReplayFile;
}
