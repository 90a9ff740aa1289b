/**
 * `--reporter junit`: JUnit XML as CI systems read it, one testcase per property. The suite's
 * `<properties>` hold the run's settings, its rule coverage (one `coverage C-…` property per rule:
 * valid cases that reached it, invalid cases that broke it and where) and the properties that made
 * fewer runs than asked.
 */
import type { CommandContext } from '../runner/replay-command.ts';
import type { ConformanceReport } from '../runner/run-conformance.ts';
import { brokenPlacesText, unexercisedText } from './coverage-text.ts';
import { failureView } from './failure-view.ts';
import { notRunText } from './run-outcome.ts';
import { shortRunNotes } from './short-runs.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters outright.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function properties(report: ConformanceReport): Array<[string, string]> {
  return [
    ['seed', String(report.seed)],
    ['baseUrl', report.baseUrl],
    ['profile', report.profile],
    ['strict', String(report.strict)],
    ...(report.shard ? [['shard', `${report.shard.index}/${report.shard.count}`] as [string, string]] : []),
    ...(report.summary.notRun > 0 ? [['incomplete', notRunText(report)] as [string, string]] : []),
    ...shortRunNotes(report.results).map(
      (note, i) => [`short run ${i + 1}`, note.slice(2)] as [string, string],
    ),
    ['coverage requests judged', String(report.coverage.cases)],
    ...report.coverage.rules
      .filter((r) => r.valid > 0 || r.broken > 0)
      .map(
        (r) =>
          [
            `coverage ${r.rule}`,
            `valid ${r.valid}, broken ${r.broken}${r.places.length > 0 ? `: ${brokenPlacesText(r)}` : ''}`,
          ] as [string, string],
      ),
    ['coverage unexercised', unexercisedText(report.coverage)],
  ];
}

export function junitReport(report: ConformanceReport, context: CommandContext): string {
  const suite = `ses-contract conform (${report.profile}${report.strict ? ', strict' : ''})`;
  const cases = report.results.map((r) => {
    const open = `    <testcase classname="${xmlEscape(r.operation)}" name="${xmlEscape(r.property)} [${r.rules.join(' ')}]" time="${seconds(r.durationMs)}"`;
    if (r.status === 'not-run') {
      return `${open}>\n      <skipped message="finished no case: the --max-time budget ran out first" />\n    </testcase>`;
    }
    const view = failureView(r, context);
    if (!view || !r.failure) return `${open} />`;
    const details = [
      `${r.failure.problem.rule}: ${r.failure.problem.message}`,
      `Request: ${view.request.method} ${view.request.url}`,
      JSON.stringify(view.request.body, null, 2),
      view.response
        ? `Response: ${view.response.status}\n${JSON.stringify(view.response.body, null, 2)}`
        : `No response: ${view.error}`,
      `Reproduce: ${view.curl}`,
      `Replay: ${view.replay}`,
    ].join('\n');
    return `${open}>\n      <failure message="${xmlEscape(`${r.failure.problem.rule}: ${r.failure.problem.message}`)}" type="${xmlEscape(r.failure.problem.rule)}">${xmlEscape(details)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ses-contract conform" tests="${report.summary.properties}" failures="${report.summary.failed}" skipped="${report.summary.notRun}" time="${seconds(report.summary.durationMs)}">`,
    `  <testsuite name="${xmlEscape(suite)}" tests="${report.summary.properties}" failures="${report.summary.failed}" errors="0" skipped="${report.summary.notRun}" time="${seconds(report.summary.durationMs)}">`,
    '    <properties>',
    ...properties(report).map(
      ([name, value]) => `      <property name="${xmlEscape(name)}" value="${xmlEscape(value)}" />`,
    ),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
