/** `--reporter junit`: JUnit XML as CI systems read it, one testcase per property. */
import type { CommandContext } from '../runner/replay-command.ts';
import type { ConformanceReport } from '../runner/run-conformance.ts';
import { failureView } from './failure-view.ts';

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

export function junitReport(report: ConformanceReport, context: CommandContext): string {
  const suite = `ses-contract conform (${report.profile}${report.strict ? ', strict' : ''})`;
  const cases = report.results.map((r) => {
    const open = `    <testcase classname="${xmlEscape(r.operation)}" name="${xmlEscape(r.property)} [${r.rules.join(' ')}]" time="${seconds(r.durationMs)}"`;
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
    `<testsuites name="ses-contract conform" tests="${report.summary.properties}" failures="${report.summary.failed}" time="${seconds(report.summary.durationMs)}">`,
    `  <testsuite name="${xmlEscape(suite)}" tests="${report.summary.properties}" failures="${report.summary.failed}" errors="0" time="${seconds(report.summary.durationMs)}">`,
    `    <properties><property name="seed" value="${report.seed}" /><property name="baseUrl" value="${xmlEscape(report.baseUrl)}" /></properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
