/**
 * `--reporter` and `--output`, shared by `conform` and `report merge`. Several reports can be
 * written at once, in either form:
 *   --reporter junit=a.xml,html=b.html          (a file after `=`)
 *   --reporter junit --output a.xml --reporter html --output b.html   (pairs, in order)
 * A reporter without a file takes the next `--output`; at most one is left for standard output.
 * `--reporter X --output F` therefore works as it always did.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../../conformance/errors.ts';
import {
  isReporterName,
  REPORTERS,
  type ReporterName,
  renderReport,
} from '../../conformance/reporters/render-report.ts';
import { runOutcome, summaryText } from '../../conformance/reporters/run-outcome.ts';
import type { CommandContext } from '../../conformance/runner/replay-command.ts';
import type { ConformanceReport } from '../../conformance/runner/run-conformance.ts';
import { safeText } from '../../conformance/runner/safe-text.ts';

export type ReportOutput = { reporter: ReporterName; file?: string };

export const REPORTER_HELP =
  `report format: ${REPORTERS.join(', ')} (default: pretty); NAME=FILE writes to FILE; comma-separated ` +
  'or repeated for several reports (--reporter junit=a.xml,html=b.html, or --reporter junit --output a.xml ' +
  '--reporter html --output b.html)';

export const OUTPUT_HELP =
  'write the report to a file instead of standard output; repeated, each goes to the next --reporter ' +
  'without =FILE';

/** Commander argParser for a repeatable `--reporter`: checks each `NAME[=FILE]` and collects them. */
export function collectReporters(value: string, previous: string[] | undefined): string[] {
  for (const item of value.split(',')) {
    const name = item.split('=')[0]?.trim() ?? '';
    if (!isReporterName(name)) {
      throw new InvalidArgumentError(`'${safeText(name)}' is not a reporter; use ${REPORTERS.join(', ')}.`);
    }
    if (item.includes('=') && item.slice(item.indexOf('=') + 1).trim() === '') {
      throw new InvalidArgumentError(`'${safeText(item)}' names no file after '='.`);
    }
  }
  return [...(previous ?? []), value];
}

export const collectOutputs = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

const listOf = (value: string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : [...value];

/** The reports to write; throws `UsageError` when the flags do not pair up. */
export function reportOutputs(
  reporters: string | readonly string[] | undefined,
  outputs: string | readonly string[] | undefined,
): ReportOutput[] {
  const given = listOf(reporters).flatMap((value) => value.split(','));
  const entries: ReportOutput[] = (given.length > 0 ? given : ['pretty']).map((item) => {
    const at = item.indexOf('=');
    const name = (at < 0 ? item : item.slice(0, at)).trim();
    if (!isReporterName(name)) {
      throw new UsageError(`'${safeText(name)}' is not a reporter; use ${REPORTERS.join(', ')}.`);
    }
    return at < 0 ? { reporter: name } : { reporter: name, file: item.slice(at + 1).trim() };
  });
  const files = listOf(outputs);
  for (const entry of entries) {
    if (entry.file === undefined && files.length > 0) entry.file = files.shift();
  }
  if (files.length > 0) {
    throw new UsageError(
      `--output ${safeText(files[0] as string)} has no --reporter to go with it (give one --reporter per --output, or NAME=FILE).`,
    );
  }
  if (entries.filter((e) => e.file === undefined).length > 1) {
    throw new UsageError(
      'only one report can go to standard output; give the others a file (--reporter NAME=FILE or --output FILE).',
    );
  }
  const seen = new Set<string>();
  for (const { file } of entries) {
    if (file === undefined) continue;
    if (seen.has(file)) throw new UsageError(`--output ${safeText(file)} is given for two reports.`);
    seen.add(file);
  }
  return entries;
}

/** Writes every report; `stdoutTable` says whether a pretty report on standard output lists its table. */
export async function writeReports(
  outputs: readonly ReportOutput[],
  report: ConformanceReport,
  context: CommandContext,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
  command: string,
  stdoutTable = true,
): Promise<void> {
  for (const { reporter, file } of outputs) {
    if (file === undefined) {
      io.stdout(renderReport(reporter, report, context, { table: stdoutTable }));
      continue;
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, renderReport(reporter, report, context));
    io.stderr(`${command}: ${reporter} report written to ${file}\n`);
  }
  // With every report in a file, the log (a CI job's, say) still tells how the run went.
  if (outputs.every((output) => output.file !== undefined)) {
    io.stderr(`${command}: ${summaryText(report.summary)}. ${runOutcome(report).text}.\n`);
  }
}
