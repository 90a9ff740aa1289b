/**
 * `--reporter html`: one self-contained page a CI system can keep as an artifact. The CSS and a
 * few lines of script are inline, and the page's Content-Security-Policy allows only those two
 * (by hash) and loads nothing else, so it works offline and a hostile response body cannot run
 * script in it. Every text from the target or the generators goes through `safeText` (control
 * characters, bidi overrides and separators shown as `\u{…}`) and then HTML escaping.
 */
import { createHash } from 'node:crypto';
import type { CommandContext } from '../runner/replay-command.ts';
import type { ConformanceReport, PropertyResult } from '../runner/run-conformance.ts';
import { safeText } from '../runner/safe-text.ts';
import { failureView } from './failure-view.ts';
import { countsText, runOutcome, statusLabel } from './run-outcome.ts';
import { shortRunMark, shortRunNotes } from './short-runs.ts';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#1d232a;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:2rem 0 .6rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
h3{font-size:.95rem;margin:1rem 0 .3rem}
.verdict{font-weight:600;padding:.4rem .7rem;border-radius:4px;display:inline-block}
.verdict.pass{background:#dafbe1;color:#116329}.verdict.fail{background:#ffebe9;color:#a40e26}
.verdict.incomplete{background:#fff8c5;color:#7d4e00}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.8rem 0}
dl.summary dt{color:#57606a}dl.summary dd{margin:0;word-break:break-all}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.failed td.result{color:#a40e26;font-weight:600}tr.passed td.result{color:#116329}tr.not-run td.result{color:#7d4e00}
.hide-passed tr.passed{display:none}
details.failure{border:1px solid #d0d7de;border-radius:4px;margin:.5rem 0;padding:.3rem .7rem}
details.failure[open]{background:#fbfcfd}summary{cursor:pointer;font-weight:600}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;max-height:30rem;white-space:pre-wrap;word-break:break-all;font-size:12px}
.controls{margin:.4rem 0}.controls button{margin-right:.4rem}
.notes{color:#57606a}ul.places{margin:0;padding-left:1rem}code{font-size:12px}
`;

const SCRIPT = `
(function(){
var failures=document.querySelectorAll('details.failure');
function openTarget(){var id=location.hash.slice(1);var d=id&&document.getElementById(id);if(d&&d.tagName==='DETAILS'){d.open=true;}}
window.addEventListener('hashchange',openTarget);openTarget();
document.getElementById('expand-all').addEventListener('click',function(){failures.forEach(function(d){d.open=true;});});
document.getElementById('collapse-all').addEventListener('click',function(){failures.forEach(function(d){d.open=false;});});
document.getElementById('only-failed').addEventListener('change',function(e){document.getElementById('properties').classList.toggle('hide-passed',e.target.checked);});
})();
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** HTML-escaped, after `safeText` has made every unprintable character visible. */
function esc(text: string, keepNewlines = false): string {
  return safeText(text, { keepNewlines })
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const block = (text: string, cls = '') => `<pre${cls ? ` class="${cls}"` : ''}>${esc(text, true)}</pre>`;

const bodyText = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body, null, 2));

const failureId = (index: number) => `failure-${index + 1}`;

function failureSection(result: PropertyResult, index: number, context: CommandContext): string {
  const view = failureView(result, context);
  const failure = result.failure;
  if (!view || !failure) return '';
  const request = [
    `${view.request.method} ${view.request.url}`,
    ...Object.entries(view.request.headers).map(([n, v]) => `${n}: ${v}`),
    '',
    bodyText(view.request.body),
  ].join('\n');
  const response = view.response
    ? [
        String(view.response.status),
        ...Object.entries(view.response.headers).map(([n, v]) => `${n}: ${v}`),
        '',
        bodyText(view.response.body),
      ].join('\n')
    : `No response: ${view.error ?? ''}`;
  return [
    `<details class="failure" id="${failureId(index)}">`,
    `<summary>FAIL ${esc(result.property)} [${esc(result.rules.join(', '))}]: ${esc(`${failure.problem.rule}: ${failure.problem.message}`)}</summary>`,
    ...(failure.problem.cites?.length
      ? [`<p>The implementation cited: ${esc(failure.problem.cites.join(', '))}</p>`]
      : []),
    `<h3>Request (shrunk ${failure.shrinks} time${failure.shrinks === 1 ? '' : 's'})</h3>`,
    block(request, 'request'),
    '<h3>Response</h3>',
    block(response, 'response'),
    '<h3>Reproduce with curl</h3>',
    block(view.curl, 'curl'),
    '<h3>Replay</h3>',
    block(view.replay, 'replay'),
    '</details>',
  ].join('\n');
}

function propertyRows(report: ConformanceReport): string[] {
  let failures = 0;
  return report.results.map((r) => {
    const name =
      r.status === 'failed' ? `<a href="#${failureId(failures++)}">${esc(r.property)}</a>` : esc(r.property);
    return `<tr class="${r.status}"><td class="result">${statusLabel(r.status)}</td><td>${name}</td><td>${esc(r.operation)}</td><td>${esc(r.rules.join(' '))}</td><td class="num">${r.runs}${shortRunMark(r)}</td></tr>`;
  });
}

function coverageSection(report: ConformanceReport): string {
  const { coverage } = report;
  const rows = coverage.rules
    .filter((r) => r.valid > 0 || r.broken > 0)
    .map((r) => {
      const places = r.places
        .map(
          (p) =>
            `<li><code>${esc(`${r.rule}.${p.clause}`)}</code> at <code>${esc(p.place)}</code> (${p.cases})</li>`,
        )
        .join('');
      return `<tr><td>${esc(r.rule)}</td><td class="num">${r.valid}</td><td class="num">${r.broken}</td><td>${places ? `<ul class="places">${places}</ul>` : ''}</td></tr>`;
    });
  return [
    '<section id="coverage">',
    '<h2>Rule coverage</h2>',
    `<p class="notes">Every request the run sent (${coverage.cases}, shrinking included), judged by the rules engine: per rule, the valid requests that held a value where it applies and the invalid ones that broke it, with the clause and place.</p>`,
    '<table><thead><tr><th>Rule</th><th>Valid requests that reached it</th><th>Invalid requests that broke it</th><th>Where it was broken (requests)</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
    '<h3>Rules no request exercised</h3>',
    `<p id="unexercised">${coverage.unexercised.length === 0 ? 'none' : coverage.unexercised.map((r) => esc(r)).join(', ')}</p>`,
    '</section>',
  ].join('\n');
}

export function htmlReport(report: ConformanceReport, context: CommandContext): string {
  const { summary } = report;
  const failed = report.results.filter((r) => r.failure);
  const { kind, text } = runOutcome(report);
  const outcomeClass = kind === 'conformant' ? 'pass' : kind === 'incomplete' ? 'incomplete' : 'fail';
  const outcome = `<p class="verdict ${outcomeClass}">${esc(text)}</p>`;
  const facts: Array<[string, string]> = [
    ['Profile', report.profile],
    ['Target', report.baseUrl],
    ['Seed', String(report.seed)],
    ['Strict', report.strict ? 'yes (SHOULD rules checked)' : 'no'],
    ['Duration', `${(summary.durationMs / 1000).toFixed(1)} s`],
    ['Properties', `${summary.properties}: ${countsText(summary)}`],
    ['Requests', String(summary.cases)],
    ...(report.shard ? [['Shard', `${report.shard.index}/${report.shard.count}`] as [string, string]] : []),
  ];
  const notes = shortRunNotes(report.results);
  return `${[
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>ses-contract conform: ${kind === 'conformant' ? 'conformant' : kind === 'incomplete' ? 'incomplete' : `${summary.failed} failed`}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>ses-contract conform</h1>',
    outcome,
    `<dl class="summary">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
    ...(report.targetDied
      ? [`<p class="verdict fail">The target stopped answering during the run: ${esc(report.targetDied)}</p>`]
      : []),
    '</header>',
    '<section id="properties">',
    '<h2>Properties</h2>',
    '<div class="controls"><label><input type="checkbox" id="only-failed"> failures only</label> <button type="button" id="expand-all">Expand all failures</button><button type="button" id="collapse-all">Collapse all</button></div>',
    '<table><thead><tr><th>Result</th><th>Property</th><th>Operation</th><th>Rules</th><th>Runs</th></tr></thead>',
    `<tbody>${propertyRows(report).join('\n')}</tbody></table>`,
    ...(notes.length > 0
      ? [`<ul class="notes">${notes.map((n) => `<li>${esc(n.slice(2))}</li>`).join('')}</ul>`]
      : []),
    '</section>',
    '<section id="failures">',
    `<h2>Failures (${failed.length})</h2>`,
    failed.length === 0 ? '<p>None.</p>' : failed.map((r, i) => failureSection(r, i, context)).join('\n'),
    '</section>',
    coverageSection(report),
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}
