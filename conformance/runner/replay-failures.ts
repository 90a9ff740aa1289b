/**
 * `--replay FILE`: sends each recorded counterexample again through its property's own check and
 * reports the outcome like a run (one case per property, no generation, no shrinking).
 */
import type { PropertyDefinition } from '../properties/property.ts';
import type { Transport } from '../transport/transport.ts';
import type { ReplayFile } from './replay-file.ts';
import type { ConformanceReport, PropertyResult } from './run-conformance.ts';
import { conformanceReport, selectedDefinitions } from './run-conformance.ts';
import { guardedSender } from './target-health.ts';

export type ReplayOptions = {
  transport: Transport;
  baseUrl: string;
  timeoutMs: number;
  onProgress?: (result: PropertyResult, done: number, total: number) => void;
};

export async function replayFailures(file: ReplayFile, options: ReplayOptions): Promise<ConformanceReport> {
  const started = performance.now();
  const definitions = new Map<string, PropertyDefinition>(
    selectedDefinitions({ profile: file.profile, strict: file.strict, from: file.from, only: [] }).map(
      (d) => [d.name, d],
    ),
  );
  const sender = guardedSender(options.transport, { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  const results: PropertyResult[] = [];
  for (const entry of file.failures) {
    const definition = definitions.get(entry.property);
    if (!definition)
      throw new Error(`the replay file names a property this version does not have: ${entry.property}`);
    const begun = performance.now();
    let cases = 0;
    const verdict = await definition.check(entry.counterexample, {
      profile: file.profile,
      strict: file.strict,
      from: file.from,
      send: (c) => {
        cases++;
        return sender.send(c);
      },
    });
    const result: PropertyResult = {
      property: definition.name,
      operation: definition.operation,
      rules: definition.rules,
      level: definition.level,
      status: verdict.problem ? 'failed' : 'passed',
      runs: 1,
      cases,
      seed: file.seed,
      durationMs: performance.now() - begun,
      ...(verdict.problem
        ? {
            failure: {
              problem: verdict.problem,
              exchange: verdict.exchange,
              counterexample: entry.counterexample,
              path: entry.path,
              shrinks: 0,
            },
          }
        : {}),
    };
    results.push(result);
    options.onProgress?.(result, results.length, file.failures.length);
  }
  return conformanceReport(
    { profile: file.profile, baseUrl: options.baseUrl, seed: file.seed, strict: file.strict },
    results,
    started,
    sender.dead,
  );
}
