/**
 * Runs the selected properties against one target and returns a report as data: per property,
 * passed or failed with the shrunk counterexample, the exchange it failed on, its fast-check path
 * and the command that replays it. Nothing here prints; progress goes to a callback.
 */
import fc from 'fast-check';
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import type { WireProfileName } from '../../src/contract/schema/spec-documents.ts';
import type { ConformanceCase, Operation } from '../case.ts';
import { InternalError } from '../errors.ts';
import { propertyDefinitions } from '../properties/catalog.ts';
import type { Problem } from '../properties/problem.ts';
import type { CaseResult, PropertyDefinition } from '../properties/property.ts';
import type { FailureView } from '../reporters/failure-view.ts';
import type { Exchange } from '../transport/exchange.ts';
import type { Transport } from '../transport/transport.ts';
import { coverageChecker } from './coverage-checker.ts';
import { selectProperties } from './property-filter.ts';
import { propertySeed } from './property-seed.ts';
import { CoverageTally, type RunCoverage } from './run-coverage.ts';
import { expectedCost, type Shard, selectShard } from './shard.ts';
import { guardedSender } from './target-health.ts';
import { type TimeBudget, timeBudget } from './time-budget.ts';

export type RunOptions = {
  transport: Transport;
  baseUrl: string;
  profile: WireProfileName;
  strict: boolean;
  from: string;
  /** Identities the target lacks: each adds its property (C-ID1, C-ID2). */
  unverifiedFrom?: string;
  sandboxRecipient?: string;
  runs: number;
  seed: number;
  /** Globs over property names and rule ids; empty = all. */
  only: readonly string[];
  /** fast-check replay path; only meaningful with a single selected property. */
  path?: string;
  timeoutMs: number;
  concurrency: number;
  /** `--shard I/N`: run only this part of the selected properties. */
  shard?: Shard;
  /** `--max-time`: one budget for the whole run, shared over the properties. */
  maxTimeMs?: number;
  /** The clock `--max-time` is measured by, in ms (default `performance.now`; tests pass their own). */
  clock?: () => number;
  onProgress?: (result: PropertyResult, done: number, total: number) => void;
};

export type PropertyFailure = {
  problem: Problem;
  /** The exchange of the shrunk counterexample that failed. */
  exchange: Exchange;
  /** The shrunk counterexample as generated (for multi-request properties, all of its requests). */
  counterexample: unknown;
  path: string;
  shrinks: number;
  /** Set on a result read back from a JSON report (`report merge`): the view as that run rendered it. */
  view?: FailureView;
};

export type PropertyResult = {
  property: string;
  operation: Operation;
  rules: RuleId[];
  level: 'MUST' | 'SHOULD';
  /**
   * `not-run`: `--max-time` was spent when the property's turn came, so it was not started and no
   * case of it was checked; it neither passed nor failed, and the run is incomplete.
   */
  status: 'passed' | 'failed' | 'not-run';
  runs: number;
  /** Set when the property caps its runs below `--runs` (the 40 MiB C-MIME9 case is sent once). */
  runsCapped?: { at: number; reason: string };
  /** Set when `--max-time` stopped the property before the runs it was to make (`runs` says how many it made). */
  budgetCut?: { asked: number };
  /** Requests sent for this property, shrinking included. */
  cases: number;
  seed: number;
  durationMs: number;
  failure?: PropertyFailure;
};

export type RunSelection = { runs: number; only: readonly string[]; maxTimeMs?: number };

export type ConformanceReport = {
  profile: WireProfileName;
  baseUrl: string;
  seed: number;
  strict: boolean;
  summary: {
    properties: number;
    passed: number;
    failed: number;
    /** Properties `--max-time` left no time to start (status `not-run`): they checked no case. */
    notRun: number;
    cases: number;
    durationMs: number;
  };
  results: PropertyResult[];
  /**
   * What decided which properties ran and how far (absent for a replay, and in reports of older
   * versions): `report merge` refuses shards whose selections differ, as they are not one run.
   */
  selection?: RunSelection;
  /** Per rule, what the cases the run sent exercised and broke. */
  coverage: RunCoverage;
  /** Set when the run was one shard of the suite. */
  shard?: Shard;
  /** Set when the target stopped answering during the run. */
  targetDied?: string;
};

/** Carries a case's result out of a fast-check predicate; fast-check keeps the last one, for the shrunk case. */
class CaseFailed extends Error {
  constructor(readonly result: CaseResult & { problem: Problem }) {
    super(`${result.problem.rule}: ${result.problem.message}`);
  }
}

/** Why a property sends fewer cases than `--runs` asks, in words for the report. */
function capReason(definition: PropertyDefinition): string {
  return definition.rules.includes('C-MIME9')
    ? 'each case is a 40 MiB request; one shows whether it is refused, and a failure is not shrunk'
    : 'the property caps its runs';
}

/**
 * The budget of a property: from its start it may use `shareMs`, but whatever the share it checks
 * its first case (a tiny `--max-time` still checks something of every property it starts), and a
 * case once sent is always checked: the budget is checked before each run, never in the middle of
 * one, so a property may overrun its share by the case it was running.
 */
type PropertyBudget = { shareMs: number; clock: () => number };

async function runProperty(
  definition: PropertyDefinition,
  options: RunOptions,
  send: (c: ConformanceCase) => Promise<Exchange>,
  isDead: () => boolean,
  budget: PropertyBudget | undefined,
): Promise<PropertyResult> {
  const started = performance.now();
  let cases = 0;
  let failedOnce = false;
  let checkedOnce = false;
  const deadline = budget ? budget.clock() + budget.shareMs : undefined;
  const context = {
    profile: options.profile,
    strict: options.strict,
    from: options.from,
    send: (c: ConformanceCase) => {
      cases++;
      return send(c);
    },
  };
  const property = fc.asyncProperty(definition.arbitrary, async (value) => {
    // Once the target is dead, shrinking could only find "smaller" cases that fail for the same
    // reason; keep the first counterexample instead.
    if (failedOnce && isDead()) return;
    // fast-check ends the property here, as its own `interruptAfterTimeLimit` would, but only
    // between runs (that option may cut the first run short and leave nothing checked).
    if (checkedOnce && deadline !== undefined && (budget as PropertyBudget).clock() >= deadline) {
      throw new fc.PreconditionFailure(true);
    }
    const result = await definition.check(value, context);
    checkedOnce = true;
    if (result.problem) {
      failedOnce = true;
      throw new CaseFailed(result as CaseResult & { problem: Problem });
    }
  });
  const runs = Math.min(options.runs, definition.maxRuns ?? Number.POSITIVE_INFINITY);
  const seed = propertySeed(options.seed, definition.name);
  // A property capped at one run has cases too costly to repeat (40 MiB each): shrinking would send
  // one per step to trim the small valid body around the part that matters, so it is not shrunk.
  const shrink = definition.maxRuns === undefined || definition.maxRuns > 1;
  const details = await fc.check(property, {
    numRuns: runs,
    seed,
    ...(options.path ? { path: options.path } : {}),
    ...(shrink ? {} : { endOnFailure: true }),
  });
  const base = {
    property: definition.name,
    operation: definition.operation,
    rules: definition.rules,
    level: definition.level,
    runs: details.numRuns,
    ...(runs < options.runs ? { runsCapped: { at: runs, reason: capReason(definition) } } : {}),
    ...(details.interrupted && details.numRuns < runs ? { budgetCut: { asked: runs } } : {}),
    cases,
    seed,
  };
  if (!details.failed) {
    return { ...base, status: 'passed', durationMs: performance.now() - started };
  }
  const error = details.errorInstance;
  const result = error instanceof CaseFailed ? error.result : undefined;
  if (!result) {
    // A defect of this suite, not of the target: report it plainly rather than hide it.
    throw new InternalError(
      `property ${definition.name} crashed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return {
    ...base,
    status: 'failed',
    durationMs: performance.now() - started,
    failure: {
      problem: result.problem,
      exchange: result.exchange,
      counterexample: details.counterexample?.[0],
      path: details.counterexamplePath ?? '',
      shrinks: details.numShrinks,
    },
  };
}

/** A property the `--max-time` budget left no time to start. */
function notRun(definition: PropertyDefinition, options: RunOptions): PropertyResult {
  const runs = Math.min(options.runs, definition.maxRuns ?? Number.POSITIVE_INFINITY);
  return {
    property: definition.name,
    operation: definition.operation,
    rules: definition.rules,
    level: definition.level,
    status: 'not-run',
    runs: 0,
    ...(runs < options.runs ? { runsCapped: { at: runs, reason: capReason(definition) } } : {}),
    budgetCut: { asked: runs },
    cases: 0,
    seed: propertySeed(options.seed, definition.name),
    durationMs: 0,
  };
}

export function selectedDefinitions(
  options: Pick<RunOptions, 'profile' | 'strict' | 'from' | 'only'> &
    Partial<Pick<RunOptions, 'shard' | 'runs' | 'unverifiedFrom' | 'sandboxRecipient'>>,
): PropertyDefinition[] {
  const all = propertyDefinitions({
    profile: options.profile,
    strict: options.strict,
    from: options.from,
    ...(options.unverifiedFrom !== undefined && { unverifiedFrom: options.unverifiedFrom }),
    ...(options.sandboxRecipient !== undefined && { sandboxRecipient: options.sandboxRecipient }),
  });
  const selected = selectProperties(all, options.only);
  return options.shard ? selectShard(selected, options.shard, options.runs ?? 1) : selected;
}

export async function runConformance(options: RunOptions): Promise<ConformanceReport> {
  const started = performance.now();
  const definitions = selectedDefinitions(options);
  const sender = guardedSender(options.transport, { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  const results: PropertyResult[] = new Array(definitions.length);
  const clock = options.clock ?? (() => performance.now());
  const budget: TimeBudget | undefined =
    options.maxTimeMs !== undefined ? timeBudget(options.maxTimeMs, clock) : undefined;
  const workers = Math.max(1, Math.min(options.concurrency, definitions.length));
  const costs = definitions.map((d) => expectedCost(d, options.runs));
  let costLeft = costs.reduce((sum, cost) => sum + cost, 0);
  const checker = coverageChecker(
    definitions.reduce((n, d) => n + Math.min(options.runs, d.maxRuns ?? options.runs), 0),
  );
  let next = 0;
  let done = 0;
  // Properties run side by side (each one's cases in sequence, so shrinking stays deterministic).
  const worker = async () => {
    for (;;) {
      // In suite order. Starting the 40 MiB C-MIME9 case first (most costly first) was measured:
      // while the run warms up (JIT, the coverage thread loading) its exchange took 5.6 s on the
      // busy machine, past the default 5 s timeout, against 1.2-2 s in its place mid-run.
      const index = next++;
      const definition = definitions[index];
      if (!definition) return;
      const shareMs = budget?.shareFor(costs[index] as number, costLeft, workers);
      const result =
        shareMs === 0
          ? notRun(definition, options)
          : await runProperty(
              definition,
              options,
              (c) => {
                checker.record(c);
                return sender.send(c);
              },
              () => sender.dead !== undefined,
              shareMs === undefined ? undefined : { shareMs, clock },
            );
      costLeft -= costs[index] as number;
      results[index] = result;
      options.onProgress?.(result, ++done, definitions.length);
    }
  };
  let coverage: RunCoverage;
  try {
    await Promise.all(Array.from({ length: workers }, worker));
    coverage = await checker.coverage();
  } finally {
    checker.close();
  }
  const selection: RunSelection = {
    runs: options.runs,
    only: options.only,
    ...(options.maxTimeMs !== undefined ? { maxTimeMs: options.maxTimeMs } : {}),
  };
  return conformanceReport({ ...options, selection }, results, started, sender.dead, coverage);
}

/** The report of a run or a replay: its settings, one result per property, and their sums. */
export function conformanceReport(
  run: Pick<ConformanceReport, 'profile' | 'baseUrl' | 'seed' | 'strict' | 'shard' | 'selection'>,
  results: PropertyResult[],
  started: number,
  targetDied: string | undefined,
  coverage: RunCoverage = new CoverageTally().coverage(),
): ConformanceReport {
  return {
    profile: run.profile,
    baseUrl: run.baseUrl,
    seed: run.seed,
    strict: run.strict,
    summary: resultSummary(results, performance.now() - started),
    results,
    coverage,
    ...(run.selection ? { selection: run.selection } : {}),
    ...(run.shard ? { shard: run.shard } : {}),
    ...(targetDied ? { targetDied } : {}),
  };
}

/** The counts of a report's summary, from its results. */
export function resultSummary(
  results: readonly PropertyResult[],
  durationMs: number,
): ConformanceReport['summary'] {
  const count = (status: PropertyResult['status']) => results.filter((r) => r.status === status).length;
  return {
    properties: results.length,
    passed: count('passed'),
    failed: count('failed'),
    notRun: count('not-run'),
    cases: results.reduce((n, r) => n + r.cases, 0),
    durationMs,
  };
}
