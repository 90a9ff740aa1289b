/**
 * `--reporter json`: `{ profile, baseUrl, from, seed, strict, selection?, shard?, summary, results: [{ property,
 * operation, rules, level, status, runs, cases, seed, durationMs, runsCapped?, budgetCut?, problem?,
 * counterexample?, response?, curl?, replay?, path?, shrinks? }], coverage, targetDied? }`. It holds
 * everything the other reporters print, so `report merge` can read shards' JSON reports back
 * (`json-report-reader.ts`) and write any reporter's output for the whole run.
 */
import type { CommandContext } from '../runner/replay-command.ts';
import type { ConformanceReport } from '../runner/run-conformance.ts';
import { failureView } from './failure-view.ts';

export function jsonReport(report: ConformanceReport, context: CommandContext): string {
  const results = report.results.map((r) => {
    const view = failureView(r, context);
    return {
      property: r.property,
      operation: r.operation,
      rules: r.rules,
      level: r.level,
      status: r.status,
      runs: r.runs,
      cases: r.cases,
      seed: r.seed,
      durationMs: Math.round(r.durationMs),
      ...(r.runsCapped ? { runsCapped: r.runsCapped } : {}),
      ...(r.budgetCut ? { budgetCut: r.budgetCut } : {}),
      ...(view && r.failure
        ? {
            problem: {
              rule: r.failure.problem.rule,
              message: r.failure.problem.message,
              cites: r.failure.problem.cites ?? [],
            },
            counterexample: view.request,
            response: view.response ?? { error: view.error },
            curl: view.curl,
            replay: view.replay,
            path: r.failure.path,
            shrinks: r.failure.shrinks,
          }
        : {}),
    };
  });
  return `${JSON.stringify(
    {
      profile: report.profile,
      baseUrl: report.baseUrl,
      from: context.from,
      seed: report.seed,
      strict: report.strict,
      // `maxTimeMs: null` says no --max-time was given, so a merge can tell it from an old report.
      ...(report.selection
        ? {
            selection: {
              runs: report.selection.runs,
              only: report.selection.only,
              maxTimeMs: report.selection.maxTimeMs ?? null,
            },
          }
        : {}),
      ...(report.shard ? { shard: report.shard } : {}),
      summary: { ...report.summary, durationMs: Math.round(report.summary.durationMs) },
      results,
      coverage: report.coverage,
      ...(report.targetDied ? { targetDied: report.targetDied } : {}),
    },
    null,
    2,
  )}\n`;
}
