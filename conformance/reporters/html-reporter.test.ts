/**
 * `--reporter html`: self-contained (no reference to anything but the target), every property and
 * the coverage table; a failure holds the request, response, curl line and replay command,
 * collapsed; text from the target is escaped, never markup.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { startMockServer } from '../../src/server/start-mock-server.ts';
import { BROKEN_SERVERS } from '../fixtures/broken-servers.ts';
import { hostileReport } from '../fixtures/hostile-report.ts';
import { selectedDefinitions } from '../runner/run-conformance.ts';
import { runSession } from '../session.ts';
import { htmlReport } from './html-reporter.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ses-contract-html-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const urlsIn = (html: string) => [...html.matchAll(/https?:\/\/[^\s"'<>)]*/g)].map((m) => m[0]);

describe('html report', () => {
  it('against the embedded mock: no URL but the target, every property, the coverage table', async () => {
    const file = join(dir, 'r.html');
    let stderr = '';
    const code = await main(
      ['conform', '--seed', '3', '--runs', '2', '--reporter', 'html', '--output', file],
      { stdout: () => {}, stderr: (t) => (stderr += t), env: {}, stdin: [], interactive: false },
    );
    expect(code).toBe(0);
    const html = await readFile(file, 'utf8');
    const target = /against (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
    expect(target).toBeDefined();
    expect(new Set(urlsIn(html))).toEqual(new Set([target]));
    expect(html).not.toMatch(/\bsrc=|<link|@import|url\(/);
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'">/,
    );
    for (const d of selectedDefinitions({
      profile: 'documented',
      strict: false,
      from: 'sender@example.com',
      only: [],
    })) {
      expect(html).toContain(`<td>${d.name}</td>`);
    }
    expect(html).toContain('<section id="coverage">');
    expect(html).toMatch(
      /<tr><td>C-ADDR1<\/td><td class="num">\d+<\/td><td class="num">[1-9]\d*<\/td><td><ul class="places"><li><code>C-ADDR1\./,
    );
    expect(html).toMatch(/<h3>Rules no request exercised<\/h3>\n<p id="unexercised">/);
    expect(html).toContain('<dt>Seed</dt><dd>3</dd>');
    expect(html).toContain('<dt>Strict</dt><dd>no</dd>');
    expect(html).toContain('Conformant');
  }, 120_000);

  it('against a broken twin: the failure shows request, response, curl and replay, collapsed', async () => {
    const twin = BROKEN_SERVERS.find((s) => s.name === 'accepts-unicode-domain');
    const server = await startMockServer({ profile: 'documented', port: 0, ...twin?.options });
    try {
      const outcome = await runSession({
        baseUrl: server.url,
        profile: 'documented',
        strict: false,
        from: 'sender@example.com',
        seed: 9,
        only: ['send-email/invalid-C-ADDR4-is-rejected'],
        timeoutMs: 10_000,
        work: { kind: 'run', runs: 20, concurrency: 1 },
      });
      expect(outcome.kind).toBe('failed');
      const html = htmlReport(outcome.report, outcome.context);
      const section = /<details class="failure" id="failure-1">[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
      expect(section).toContain(
        '<summary>FAIL send-email/invalid-C-ADDR4-is-rejected [C-ADDR4, C-W3]: C-ADDR4: ',
      );
      expect(section).toMatch(
        /<h3>Request \(shrunk \d+ times?\)<\/h3>\n<pre class="request">POST http:\/\/127\.0\.0\.1:\d+\/v2\/email\/outbound-emails\n/,
      );
      expect(section).toMatch(/<pre class="response">200\n[\s\S]*&quot;success&quot;: true/);
      expect(section).toMatch(
        /<pre class="curl">curl -sS -i -X POST &#39;http:\/\/127\.0\.0\.1:\d+\/v2\/email\/outbound-emails&#39;/,
      );
      expect(section).toMatch(
        /<pre class="replay">npx ses-contract conform --base-url http:\/\/127\.0\.0\.1:\d+ --profile documented --seed 9 --only send-email\/invalid-C-ADDR4-is-rejected --path \S+<\/pre>/,
      );
      expect(section).not.toMatch(/<details[^>]* open/);
      expect(html).toContain('<a href="#failure-1">send-email/invalid-C-ADDR4-is-rejected</a>');
      for (const url of urlsIn(html)) expect(url.startsWith(server.url)).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('escapes markup and shows unprintable characters from the target as \\u{…}', () => {
    const html = htmlReport(hostileReport.report, hostileReport.context);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('\\u{202e}');
    expect(html).toContain('\\u{1b}[31m');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting there are none.
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
    expect(html).toContain('bob@bücher.de');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});
