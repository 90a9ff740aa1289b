/** Every reporter by name, for `conform --reporter` and `report merge --reporter`. */
import type { CommandContext } from '../runner/replay-command.ts';
import type { ConformanceReport } from '../runner/run-conformance.ts';
import { htmlReport } from './html-reporter.ts';
import { jsonReport } from './json-reporter.ts';
import { junitReport } from './junit-reporter.ts';
import { prettyReport } from './pretty-reporter.ts';

export const REPORTERS = ['pretty', 'json', 'junit', 'html'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export const isReporterName = (name: string): name is ReporterName =>
  (REPORTERS as readonly string[]).includes(name);

export function renderReport(
  reporter: ReporterName,
  report: ConformanceReport,
  context: CommandContext,
  options: { table?: boolean } = {},
): string {
  if (reporter === 'json') return jsonReport(report, context);
  if (reporter === 'junit') return junitReport(report, context);
  if (reporter === 'html') return htmlReport(report, context);
  return prettyReport(report, context, options);
}
