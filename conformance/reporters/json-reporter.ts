/**
 * `--reporter json`: `{ profile, baseUrl, seed, strict, summary, results: [{ property, operation,
 * rules, status, runs, counterexample?, response?, curl?, replay? }] }`.
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
      status: r.status,
      runs: r.runs,
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
          }
        : {}),
    };
  });
  return `${JSON.stringify(
    {
      profile: report.profile,
      baseUrl: report.baseUrl,
      seed: report.seed,
      strict: report.strict,
      summary: { ...report.summary, durationMs: Math.round(report.summary.durationMs) },
      results,
      ...(report.targetDied ? { targetDied: report.targetDied } : {}),
    },
    null,
    2,
  )}\n`;
}
