/**
 * `report merge`: the JSON reports of a run's shards as one report of the whole run. Shards of one
 * run share every flag but `--shard`, so the merge refuses reports of different profiles,
 * strictness, senders, seeds or selections (`--runs`, `--only`, `--max-time`: shard.ts balances by
 * runs, so the same shard index of another selection holds other properties), reports that do not
 * record their selection (older versions) when there are several, a property reported twice, and (when the reports name their
 * shards) a shard missing or given twice: a merged report that silently lacks a shard would pass.
 * Results come in suite order, so the merge reads like one unsharded run; the duration is the
 * longest shard's (shards run side by side); coverage is summed.
 */
import { UsageError } from '../errors.ts';
import type { ConformanceReport, RunSelection } from '../runner/run-conformance.ts';
import { resultSummary, selectedDefinitions } from '../runner/run-conformance.ts';
import { mergeCoverage } from '../runner/run-coverage.ts';
import { safeText } from '../runner/safe-text.ts';
import type { ReadReport } from './json-report-reader.ts';

export type NamedReport = ReadReport & { file: string };

function checkSameRun(reports: readonly NamedReport[]): void {
  const [first, ...rest] = reports as [NamedReport, ...NamedReport[]];
  for (const other of rest) {
    for (const key of ['profile', 'strict', 'from', 'seed'] as const) {
      if (other.context[key] !== first.context[key]) {
        throw new UsageError(
          `${safeText(other.file)} was run with ${key} ${safeText(String(other.context[key]))}, ${safeText(first.file)} with ${safeText(String(first.context[key]))}: shards of one run share every flag but --shard.`,
        );
      }
    }
  }
}

const SELECTION_FLAGS: Array<[string, (s: RunSelection) => string]> = [
  ['--runs', (s) => String(s.runs)],
  ['--only', (s) => (s.only.length > 0 ? s.only.join(',') : '(none)')],
  ['--max-time', (s) => (s.maxTimeMs !== undefined ? `${s.maxTimeMs / 1000}` : '(none)')],
];

function checkSameSelection(reports: readonly NamedReport[]): void {
  if (reports.length < 2) return;
  const old = reports.find((r) => !r.report.selection);
  if (old) {
    throw new UsageError(
      `${safeText(old.file)} does not record its --runs, --only and --max-time (written by an older ses-contract), so the merge cannot tell the shards are of one run: run them again with this version.`,
    );
  }
  const [first, ...rest] = reports as [NamedReport, ...NamedReport[]];
  for (const other of rest) {
    for (const [flag, text] of SELECTION_FLAGS) {
      const mine = text(other.report.selection as RunSelection);
      const theirs = text(first.report.selection as RunSelection);
      if (mine !== theirs) {
        throw new UsageError(
          `${safeText(other.file)} was run with ${flag} ${safeText(mine)}, ${safeText(first.file)} with ${safeText(theirs)}: shards of one run share every flag but --shard.`,
        );
      }
    }
  }
}

function checkShards(reports: readonly NamedReport[]): void {
  const sharded = reports.filter((r) => r.report.shard);
  if (sharded.length === 0) return;
  const counts = new Set(sharded.map((r) => r.report.shard?.count));
  if (sharded.length !== reports.length || counts.size !== 1) {
    throw new UsageError(
      'the reports are not shards of one run: give the JSON reports of --shard 1/N to N/N of the same N.',
    );
  }
  const count = [...counts][0] as number;
  const seen = new Map<number, string>();
  for (const r of sharded) {
    const index = r.report.shard?.index as number;
    const before = seen.get(index);
    if (before) {
      throw new UsageError(`${safeText(before)} and ${safeText(r.file)} are both shard ${index}/${count}.`);
    }
    seen.set(index, r.file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new UsageError(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: merge the JSON reports of all ${count} shards.`,
    );
  }
}

export function mergeReports(reports: readonly NamedReport[]): ReadReport {
  const first = reports[0];
  if (!first) throw new UsageError('report merge needs at least one JSON report.');
  checkSameRun(reports);
  checkSameSelection(reports);
  checkShards(reports);
  const owner = new Map<string, string>();
  for (const r of reports) {
    for (const result of r.report.results) {
      const before = owner.get(result.property);
      if (before) {
        throw new UsageError(
          `${safeText(result.property)} is in both ${safeText(before)} and ${safeText(r.file)}: shards must not overlap.`,
        );
      }
      owner.set(result.property, r.file);
    }
  }
  const { profile, strict, from, seed } = first.context;
  const order = new Map(selectedDefinitions({ profile, strict, from, only: [] }).map((d, i) => [d.name, i]));
  const rank = (name: string) => order.get(name) ?? order.size;
  const results = reports
    .flatMap((r) => r.report.results)
    .sort((a, b) => rank(a.property) - rank(b.property) || (a.property < b.property ? -1 : 1));
  const died = reports.flatMap((r) =>
    r.report.targetDied
      ? [
          `${r.report.shard ? `shard ${r.report.shard.index}/${r.report.shard.count}: ` : ''}${r.report.targetDied}`,
        ]
      : [],
  );
  const report: ConformanceReport = {
    profile,
    baseUrl: [...new Set(reports.map((r) => r.report.baseUrl))].join(', '),
    seed,
    strict,
    summary: resultSummary(results, Math.max(...reports.map((r) => r.report.summary.durationMs))),
    results,
    ...(first.report.selection ? { selection: first.report.selection } : {}),
    coverage: mergeCoverage(reports.map((r) => r.report.coverage)),
    ...(died.length > 0 ? { targetDied: died.join('; ') } : {}),
  };
  return { report, context: first.context };
}
