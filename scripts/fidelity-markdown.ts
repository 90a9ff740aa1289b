/**
 * docs/fidelity.md from the reports of one fidelity run: a table of properties × implementations,
 * then one line per failure with the shrunk counterexample and the fault checked by hand.
 */
import type { ConformanceReport, PropertyResult } from '../conformance/runner/run-conformance.ts';
import { statusNoteLine, unexpectedStatuses } from '../conformance/runner/unexpected-statuses.ts';
import { type FailureFault, faultOf } from './fidelity-faults.ts';

export type ImplementationRun = {
  name: string;
  version: string;
  /** How it was started, for the reader. */
  description: string;
  report: ConformanceReport;
};

export type FidelitySettings = { seed: number; runs: number; region: string };

/** Markdown table cells: one line, no pipes, no backticks that would open code spans. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replaceAll('|', '\\|').replaceAll('`', "'");
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What the implementation did, in a few words: the problem message before its "Received" part. */
export function failureSummary(result: PropertyResult): string {
  const problem = result.failure?.problem;
  if (!problem) return '';
  const head = problem.message.split(/\. Received:|\. Statuses|\. Expected:/)[0] ?? problem.message;
  return `${problem.rule}: ${cut(head, 110)}`;
}

/** Long strings shortened so a counterexample fits one line. */
function shorten(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > 80 ? `${value.slice(0, 60)}…(${value.length} chars)` : value;
  if (Array.isArray(value))
    return value.length > 6
      ? [...value.slice(0, 5).map(shorten), `…${value.length - 5} more`]
      : value.map(shorten);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  return value;
}

/** The request the property failed on (of a shrunk counterexample), on one line, abbreviated. */
export function counterexampleSummary(result: PropertyResult): string {
  const text = result.failure?.exchange.request.body;
  if (text === undefined) return '';
  let shown: string;
  try {
    shown = JSON.stringify(shorten(JSON.parse(text)));
  } catch {
    shown = JSON.stringify(cut(text, 120));
  }
  return cut(shown, 320);
}

function faultLabel(found: FailureFault, implementation: string): string {
  if (found.fault === 'implementation') return `${implementation}'s fault`;
  if (found.fault === 'suite') return "the suite's fault";
  return 'not checked by hand yet';
}

export function fidelityMarkdown(runs: readonly ImplementationRun[], settings: FidelitySettings): string {
  const first = runs[0];
  if (!first) throw new Error('fidelity: no implementation ran');
  const lines: string[] = [
    '# Fidelity of SES v2 implementations (aws profile)',
    '',
    'Written by `npm run fidelity` (scripts/fidelity.ts); do not edit by hand, run it again. Each',
    'implementation below was started on loopback and sent the same generated requests: the aws',
    'profile of the conformance suite (MUST rules, spec/RULES.md), same seed, every request SigV4-signed',
    `with dummy credentials (\`--sign\`, region ${settings.region}). A failure shows the rule it breaks and`,
    'what the implementation did with the shrunk (smallest) counterexample; each one is explained',
    'under "Differences", with the verdict checked by hand against spec/RULES.md and the SES reference.',
    '',
    `Seed **${settings.seed}**, **${settings.runs}** runs per property (the 40 MiB C-MIME9 case is sent once).`,
    '',
    'Reproduce all of it:',
    '',
    '```sh',
    `npm run fidelity -- --seed ${settings.seed} --runs ${settings.runs}`,
    '```',
    '',
    'or one implementation with the conformance CLI (aws-ses-v2-local shown):',
    '',
    '```sh',
    'npx aws-ses-v2-local --host 127.0.0.1 --port 8005 &',
    `node bin/ses-contract.js conform --base-url http://127.0.0.1:8005 --profile aws --sign --seed ${settings.seed} --runs ${settings.runs} --reporter json --output fidelity-aws-ses-v2-local.json`,
    '```',
    '',
    '| implementation | version | how it ran | passed | failed |',
    '| --- | --- | --- | ---: | ---: |',
    ...runs.map(
      (run) =>
        `| ${run.name} | ${run.version} | ${cell(run.description)} | ${run.report.summary.passed} | ${run.report.summary.failed} |`,
    ),
    '',
    '## Properties × implementations',
    '',
    `| property | rules | ${runs.map((r) => r.name).join(' | ')} |`,
    `| --- | --- | ${runs.map(() => '---').join(' | ')} |`,
  ];
  for (const [index, result] of first.report.results.entries()) {
    const cells = runs.map((run) => {
      const r = run.report.results[index];
      if (!r || r.property !== result.property) return 'not run';
      return r.status === 'passed' ? 'pass' : `**fail** ${cell(failureSummary(r))}`;
    });
    lines.push(`| ${result.property} | ${result.rules.join(' ')} | ${cells.join(' | ')} |`);
  }
  lines.push('', '## Differences, checked by hand', '');
  let differences = 0;
  for (const run of runs) {
    const failed = run.report.results.filter((r) => r.failure);
    if (failed.length === 0) continue;
    lines.push(`### ${run.name}`, '');
    for (const result of failed) {
      differences++;
      const found = faultOf(run.name, result);
      lines.push(
        `- \`${result.property}\` — sent \`${counterexampleSummary(result).replaceAll('`', "'")}\`; ${cell(failureSummary(result))}. **${faultLabel(found, run.name)}**: ${cell(found.why)}.`,
      );
    }
    const notes = unexpectedStatuses(run.report);
    if (notes.length > 0) {
      lines.push('', 'Statuses no property expects:', '');
      for (const note of notes) lines.push(`- ${cell(statusNoteLine(note))}`);
    }
    if (run.report.targetDied)
      lines.push('', `The target stopped answering: ${cell(run.report.targetDied)}.`);
    lines.push('');
  }
  if (differences === 0) lines.push('None: every implementation passed every property.', '');
  lines.push(
    '## Notes',
    '',
    '- aws-ses-v2-local answers 403 `Missing Authentication Token` to any request without an',
    '  `Authorization` header (it only checks that one starting with `AWS` is there), so it can only be',
    '  tested with `--sign`.',
    '- aws-ses-v2-local is stricter than SES in one undocumented way: SendBulkEmail judges each',
    "  entry's recipients with the WHATWG `<input type=email>` regex (dist/isEmailValid.js), so a",
    '  display name (`Alice <a@example.com>`), an encoded-word display name or a quoted local part',
    '  (`"a"@example.com`) makes a valid entry FAILED. Its SendEmail checks no address at all.',
    '- Other SES v2 emulators on npm: only `serverless-offline-ses-v2`, a Serverless plugin that runs',
    '  aws-ses-v2-local (the same code, so no column of its own). LocalStack implements SES but ships as',
    '  a Docker image, not an npm package.',
    '',
  );
  return lines.join('\n');
}
