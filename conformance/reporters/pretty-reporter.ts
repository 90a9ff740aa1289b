/**
 * `--reporter pretty` (the default): a table of properties with rule ids, runs and the outcome,
 * a summary line, then each failure in full. All text from the target or the generators goes
 * through `safeText`, so no raw control characters reach the terminal.
 */
import type { CommandContext } from '../runner/replay-command.ts';
import type { ConformanceReport, PropertyResult } from '../runner/run-conformance.ts';
import { safeText } from '../runner/safe-text.ts';
import { coverageTable } from './coverage-text.ts';
import { failureView } from './failure-view.ts';
import { runOutcome, statusLabel, summaryText } from './run-outcome.ts';
import { shortRunMark, shortRunNotes } from './short-runs.ts';

const indent = (text: string, by = '    ') =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

const runsText = (runs: number) => `${runs} run${runs === 1 ? '' : 's'}`;

/** The progress line printed (to stderr) as each property finishes. */
export function progressLine(result: PropertyResult, done: number, total: number): string {
  const mark = result.status === 'passed' ? 'ok  ' : result.status === 'failed' ? 'FAIL' : 'skip';
  const width = String(total).length;
  const capped = result.budgetCut
    ? `, ${result.budgetCut.asked} asked: --max-time ran out`
    : result.runsCapped
      ? `, capped: ${result.runsCapped.reason}`
      : '';
  return `[${String(done).padStart(width)}/${total}] ${mark} ${result.property} (${runsText(result.runs)}${capped}, ${(result.durationMs / 1000).toFixed(1)} s)`;
}

export type PrettyOptions = {
  /**
   * The table of every property; leave it out when progress lines already listed each one on the
   * same terminal, so no property is listed twice.
   */
  table?: boolean;
};

function failureText(result: PropertyResult, context: CommandContext): string {
  const view = failureView(result, context);
  const failure = result.failure;
  if (!view || !failure) return '';
  const lines = [
    `FAIL ${result.property} [${result.rules.join(', ')}]`,
    indent(safeText(`${failure.problem.rule}: ${failure.problem.message}`), '  '),
  ];
  if (failure.problem.cites?.length)
    lines.push(`  The implementation cited: ${failure.problem.cites.join(', ')}`);
  lines.push(
    `  Request (shrunk ${failure.shrinks} time${failure.shrinks === 1 ? '' : 's'}):`,
    indent(
      safeText(
        `${view.request.method} ${view.request.url}\ncontent-type: ${view.request.headers['content-type'] ?? ''}`,
        { keepNewlines: true },
      ),
    ),
    indent(safeText(JSON.stringify(view.request.body, null, 2), { keepNewlines: true })),
  );
  if (view.response) {
    const headers = Object.entries(view.response.headers).map(([n, v]) => `${n}: ${v}`);
    lines.push(
      '  Response:',
      indent(safeText([String(view.response.status), ...headers].join('\n'), { keepNewlines: true })),
      indent(
        safeText(
          typeof view.response.body === 'string'
            ? view.response.body
            : JSON.stringify(view.response.body, null, 2),
          { keepNewlines: true },
        ),
      ),
    );
  } else {
    lines.push(`  No response: ${safeText(view.error ?? '')}`);
  }
  lines.push(
    '  Reproduce with curl:',
    indent(safeText(view.curl)),
    '  Replay:',
    indent(safeText(view.replay)),
  );
  return lines.join('\n');
}

export function prettyReport(
  report: ConformanceReport,
  context: CommandContext,
  options: PrettyOptions = {},
): string {
  const nameWidth = Math.max(8, ...report.results.map((r) => r.property.length));
  const rulesWidth = Math.max(5, ...report.results.map((r) => r.rules.join(' ').length));
  const header = `  ${pad('result', 7)}  ${pad('property', nameWidth)}  ${pad('rules', rulesWidth)}  runs`;
  const rows = report.results.map(
    (r) =>
      `  ${pad(statusLabel(r.status), 7)}  ${pad(r.property, nameWidth)}  ${pad(r.rules.join(' '), rulesWidth)}  ${String(r.runs).padStart(4)}${shortRunMark(r)}`,
  );
  const { summary } = report;
  // Progress lines said which runs were capped; a budget cut is news even on a terminal.
  const notes =
    options.table === false
      ? shortRunNotes(report.results.filter((r) => r.budgetCut))
      : shortRunNotes(report.results);
  const lines = [
    `ses-contract conform: ${report.profile} profile${report.strict ? ' (strict)' : ''} against ${safeText(report.baseUrl)}, seed ${report.seed}${report.shard ? `, shard ${report.shard.index}/${report.shard.count}` : ''}`,
    '',
    ...(options.table === false ? [] : [header, ...rows]),
    ...notes,
    ...(options.table === false && notes.length === 0 ? [] : ['']),
    ...coverageTable(report.coverage),
    '',
    summaryText(summary),
  ];
  if (report.targetDied)
    lines.push(`The target stopped answering during the run: ${safeText(report.targetDied)}`);
  const failures = report.results.filter((r) => r.failure);
  if (failures.length > 0) lines.push('', ...failures.map((r) => `${failureText(r, context)}\n`));
  lines.push(`${runOutcome(report).text}.`);
  return `${lines.join('\n')}\n`;
}
