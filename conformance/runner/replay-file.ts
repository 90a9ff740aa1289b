/**
 * The replay file (default `.ses-contract/replay.json`): every failure of a run, with the shrunk
 * counterexample as generated, so `--replay FILE` can send exactly those cases again and judge
 * them with the same checks, like a crash file.
 */
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import type { WireProfile } from '../../src/contract/schema/spec-documents.ts';
import type { Operation } from '../case.ts';
import { type CommandContext, replayCommand } from './replay-command.ts';
import type { ConformanceReport } from './run-conformance.ts';

export const DEFAULT_REPLAY_FILE = '.ses-contract/replay.json';

export type ReplayEntry = {
  property: string;
  operation: Operation;
  rules: RuleId[];
  problem: { rule: RuleId; message: string };
  counterexample: unknown;
  path: string;
  replay: string;
};

export type ReplayFile = {
  version: 1;
  profile: WireProfile;
  strict: boolean;
  from: string;
  seed: number;
  baseUrl: string;
  /** Present when the run SigV4-signed its requests; `--replay` signs them again the same way. */
  sign?: { region: string };
  failures: ReplayEntry[];
};

export function replayFileOf(report: ConformanceReport, context: CommandContext): ReplayFile {
  return {
    version: 1,
    profile: report.profile,
    strict: report.strict,
    from: context.from,
    seed: report.seed,
    baseUrl: report.baseUrl,
    ...(context.sign ? { sign: context.sign } : {}),
    failures: report.results.flatMap((r) =>
      r.failure
        ? [
            {
              property: r.property,
              operation: r.operation,
              rules: r.rules,
              problem: { rule: r.failure.problem.rule, message: r.failure.problem.message },
              counterexample: r.failure.counterexample,
              path: r.failure.path,
              replay: replayCommand(context, r.property, r.failure.path),
            },
          ]
        : [],
    ),
  };
}

/** Reads a replay file's JSON, or says in one sentence why it cannot. */
export function parseReplayFile(text: string): ReplayFile | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  const file = json as Partial<ReplayFile>;
  if (
    file?.version !== 1 ||
    !Array.isArray(file.failures) ||
    (file.profile !== 'documented' && file.profile !== 'aws')
  ) {
    return 'not a ses-contract replay file (version 1 with profile and failures)';
  }
  return file as ReplayFile;
}
