/**
 * `ses-contract report merge FILE…`: reads the JSON reports of a run's shards (`conform --shard
 * I/N --reporter json=…`) and writes any reporter's output for the whole run. Exit 1 when any
 * shard failed (or its target stopped answering), 0 when all passed, 2 for unreadable files,
 * reports that are not shards of one run, or a shard missing.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../../conformance/errors.ts';
import { readJsonReport } from '../../conformance/reporters/json-report-reader.ts';
import { mergeReports, type NamedReport } from '../../conformance/reporters/merge-reports.ts';
import { safeText } from '../../conformance/runner/safe-text.ts';
import { type CliIo, EXIT_CODES_HELP, type RegisterCommand } from './main.ts';
import {
  collectOutputs,
  collectReporters,
  OUTPUT_HELP,
  REPORTER_HELP,
  reportOutputs,
  writeReports,
} from './report-outputs.ts';

export type MergeFlags = { reporter?: string[]; output?: string[] };

async function readReport(file: string): Promise<NamedReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${safeText(file)}: ${(error as Error).message}`);
  }
  const read = readJsonReport(text);
  if (typeof read === 'string') throw new UsageError(`${safeText(file)} is ${read}.`);
  return { ...read, file };
}

export async function runReportMerge(
  files: readonly string[],
  flags: MergeFlags,
  io: Pick<CliIo, 'stdout' | 'stderr' | 'interactive'>,
): Promise<0 | 1> {
  const outputs = reportOutputs(flags.reporter, flags.output);
  const reports: NamedReport[] = [];
  for (const file of files) reports.push(await readReport(file));
  const { report, context } = mergeReports(reports);
  await writeReports(outputs, report, context, io, 'report merge');
  return report.summary.failed > 0 || report.targetDied ? 1 : 0;
}

export const registerReportCommand: RegisterCommand = (program: Command, io, done) => {
  const report = program.command('report').description('Work with the reports of conform runs.');
  report
    .command('merge')
    .description(
      "Merge the JSON reports of a run's shards (conform --shard I/N --reporter json=FILE) into one report " +
        'of the whole run, in any format. Exit 1 if any shard failed.',
    )
    .argument('<files...>', 'JSON reports of the shards')
    .option('--reporter <name[=file]>', REPORTER_HELP, collectReporters)
    .option('--output <file>', OUTPUT_HELP, collectOutputs)
    .addHelpText(
      'after',
      `\n${EXIT_CODES_HELP}` +
        '  (report merge: 2 also for reports that are not shards of one run, or a shard missing)\n\n' +
        'Examples:\n' +
        '  ses-contract report merge reports/shard-*.json\n' +
        '  ses-contract report merge reports/shard-*.json --reporter junit=merged.xml,html=merged.html\n',
    )
    .action(async (files: string[], flags: MergeFlags) => {
      done(await runReportMerge(files, flags, io));
    });
  report.exitOverride().configureOutput(program.configureOutput());
  for (const sub of report.commands) sub.exitOverride().configureOutput(program.configureOutput());
};
