/**
 * `--replay FILE`: sends each recorded counterexample again through its property's own check and
 * reports the outcome like a run (one case per property, no generation, no shrinking). A
 * counterexample stored as seed and path is rebuilt first, and must hash to the recorded digest.
 */
import fc from 'fast-check';
import { InternalError } from '../errors.ts';
import type { PropertyDefinition } from '../properties/property.ts';
import type { Transport } from '../transport/transport.ts';
import { onlyMatcher } from './property-filter.ts';
import {
  type RegeneratedCounterexample,
  type ReplayEntry,
  type ReplayFile,
  sha256Hex,
} from './replay-file.ts';
import type { ConformanceReport, PropertyResult } from './run-conformance.ts';
import { conformanceReport, selectedDefinitions } from './run-conformance.ts';
import { CoverageTally } from './run-coverage.ts';
import { guardedSender } from './target-health.ts';

export type ReplayOptions = {
  transport: Transport;
  baseUrl: string;
  timeoutMs: number;
  /** Globs over property names and rule ids (`--only`): replay only those entries; empty = all. */
  only?: readonly string[];
  onProgress?: (result: PropertyResult, done: number, total: number) => void;
};

/** The value fast-check generates at `path` from `seed`: the first one its runner checks. */
function rebuild(definition: PropertyDefinition, stored: RegeneratedCounterexample): unknown {
  let value: unknown;
  let seen = false;
  fc.check(
    fc.property(definition.arbitrary, (generated) => {
      if (!seen) value = generated;
      seen = true;
      return false;
    }),
    { seed: stored.seed, path: stored.path, numRuns: 1, endOnFailure: true },
  );
  const json = JSON.stringify(value) ?? 'null';
  if (!seen || sha256Hex(json) !== stored.sha256) {
    throw new InternalError(
      `the counterexample of ${definition.name} rebuilt from seed ${stored.seed} and path ${stored.path} ` +
        `is not the recorded one (sha256 ${stored.sha256.slice(0, 12)}…): this version of ses-contract ` +
        'generates it differently from the one that wrote the replay file',
    );
  }
  return value;
}

function counterexampleOf(entry: ReplayEntry, definition: PropertyDefinition): unknown {
  return 'regenerate' in entry ? rebuild(definition, entry.regenerate) : entry.counterexample;
}

/** Entries `--only` keeps, matched like a run's properties (name or rule id). */
export function selectedEntries(file: ReplayFile, only: readonly string[] = []): ReplayEntry[] {
  const keeps = onlyMatcher(only);
  return file.failures.filter((entry) => keeps(entry.property, entry.rules));
}

/** Throws an `InternalError` when an entry names a property this version does not have. */
export function checkReplayEntries(file: ReplayFile, only: readonly string[] = []): void {
  const known = new Set(selectedDefinitions({ ...file, only: [] }).map((d) => d.name));
  const unknown = selectedEntries(file, only).find((entry) => !known.has(entry.property));
  if (unknown) {
    throw new InternalError(
      `the replay file names a property this version of ses-contract does not have: ${unknown.property}`,
    );
  }
}

export async function replayFailures(file: ReplayFile, options: ReplayOptions): Promise<ConformanceReport> {
  const started = performance.now();
  const definitions = new Map<string, PropertyDefinition>(
    selectedDefinitions({ ...file, only: [] }).map((d) => [d.name, d]),
  );
  const entries = selectedEntries(file, options.only);
  const sender = guardedSender(options.transport, { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  const results: PropertyResult[] = [];
  const tally = new CoverageTally();
  for (const entry of entries) {
    const definition = definitions.get(entry.property);
    if (!definition) {
      throw new InternalError(
        `the replay file names a property this version of ses-contract does not have: ${entry.property}`,
      );
    }
    const counterexample = counterexampleOf(entry, definition);
    const begun = performance.now();
    let cases = 0;
    const checked = await definition.check(counterexample, {
      profile: file.profile,
      strict: file.strict,
      from: file.from,
      send: (c) => {
        cases++;
        tally.record(c);
        return sender.send(c);
      },
    });
    const result: PropertyResult = {
      property: definition.name,
      operation: definition.operation,
      rules: definition.rules,
      level: definition.level,
      status: checked.problem ? 'failed' : 'passed',
      runs: 1,
      cases,
      seed: file.seed,
      durationMs: performance.now() - begun,
      ...(checked.problem
        ? {
            failure: {
              problem: checked.problem,
              exchange: checked.exchange,
              counterexample,
              path: entry.path,
              shrinks: 0,
            },
          }
        : {}),
    };
    results.push(result);
    options.onProgress?.(result, results.length, entries.length);
  }
  return conformanceReport(
    { profile: file.profile, baseUrl: options.baseUrl, seed: file.seed, strict: file.strict },
    results,
    started,
    sender.dead,
    tally.coverage(),
  );
}
