/**
 * `--shard` and `ses-contract report merge`: shards of one seed against a broken twin, merged, give
 * the pass/fail counts, results and coverage of one unsharded run; merge refuses a missing or
 * repeated shard, shards of other --runs, --only or --max-time, and files that are not reports,
 * carries a property --max-time did not run through, and writes several reports at once.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../../conformance/fixtures/broken-servers.ts';
import { jsonReport } from '../../conformance/reporters/json-reporter.ts';
import type { Shard } from '../../conformance/runner/shard.ts';
import { runSession } from '../../conformance/session.ts';
import { type RunningMockServer, startMockServer } from '../server/start-mock-server.ts';
import { runCaptured } from './captured-main.test-support.ts';

const cli = runCaptured;

const ONLY = ['send-email/valid*', 'send-email/*C-ADDR*', 'send-bulk-email/*C-ADDR4*', '*/ids-are-unique'];

let server: RunningMockServer;
let dir: string;
const twin = BROKEN_SERVERS.find((s) => s.name === 'accepts-unicode-domain');

/** A session as `conform --seed 5 --runs 6 --only … [--shard I/N]` runs it, without the CLI's replay file. */
async function session(shard?: Shard, runs = 6) {
  const outcome = await runSession({
    baseUrl: server.url,
    profile: 'documented',
    strict: false,
    from: 'sender@example.com',
    seed: 5,
    only: ONLY,
    timeoutMs: 10_000,
    work: { kind: 'run', runs, concurrency: 2, ...(shard ? { shard } : {}) },
  });
  return { ...outcome, json: jsonReport(outcome.report, outcome.context) };
}

beforeAll(async () => {
  server = await startMockServer({ profile: 'documented', port: 0, ...twin?.options });
  dir = await mkdtemp(join(tmpdir(), 'ses-contract-merge-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('--shard and report merge', () => {
  it('shards 1/3, 2/3, 3/3 are disjoint, cover the run, and merge to the unsharded results', async () => {
    const whole = await session();
    expect(whole.report.summary.failed).toBeGreaterThan(0);
    const files: string[] = [];
    const names: string[][] = [];
    for (const index of [1, 2, 3]) {
      const part = await session({ index, count: 3 });
      names.push(part.report.results.map((r) => r.property));
      const file = join(dir, `shard-${index}.json`);
      await writeFile(file, part.json);
      files.push(file);
    }
    const all = names.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(whole.report.results.map((r) => r.property).sort());

    const merged = await cli([
      'report',
      'merge',
      ...files,
      '--reporter',
      'json',
      '--reporter',
      `junit=${join(dir, 'merged.xml')},html=${join(dir, 'merged.html')}`,
    ]);
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout);
    expect(report.summary).toMatchObject({
      properties: whole.report.summary.properties,
      passed: whole.report.summary.passed,
      failed: whole.report.summary.failed,
      cases: whole.report.summary.cases,
    });
    expect(report.results.map((r: { property: string; status: string }) => [r.property, r.status])).toEqual(
      whole.report.results.map((r) => [r.property, r.status]),
    );
    expect(report.coverage).toEqual(whole.report.coverage);
    // Each failure is shown as its shard rendered it: the same curl and replay lines.
    const failed = JSON.parse(whole.json).results.filter((r: { status: string }) => r.status === 'failed');
    for (const f of failed) {
      const same = report.results.find((r: { property: string }) => r.property === f.property);
      expect(same.curl).toBe(f.curl);
      expect(same.replay).toBe(f.replay);
    }
    expect(merged.stderr).toMatch(/junit report written to .*merged\.xml/);
    const xml = await readFile(join(dir, 'merged.xml'), 'utf8');
    expect(xml).toContain(`failures="${whole.report.summary.failed}"`);
    expect(xml).toContain('<property name="coverage C-ADDR4" value="valid ');
    const html = await readFile(join(dir, 'merged.html'), 'utf8');
    expect(html).toContain('Not conformant');

    // The pretty form of the same merge, and exit 0 when every shard passed.
    const pretty = await cli(['report', 'merge', ...files]);
    expect(pretty.stdout).toContain(`${whole.report.summary.failed} failed`);
    expect(pretty.stdout).toContain('Rule coverage');
  }, 120_000);

  it('refuses a missing shard, a shard given twice, and a file that is not a report (exit 2, one line)', async () => {
    const files = [1, 2, 3].map((i) => join(dir, `shard-${i}.json`));
    const notReport = join(dir, 'not-a-report.json');
    await writeFile(notReport, '{"hello": 1}');
    for (const [args, message] of [
      [[files[0], files[1]], /shard 3\/3 missing/],
      [[files[0], files[0], files[1], files[2]], /both shard 1\/3|is in both/],
      [[notReport], /not a JSON report of ses-contract conform: profile/],
      [[join(dir, 'absent.json')], /cannot read/],
    ] as Array<[string[], RegExp]>) {
      const run = await cli(['report', 'merge', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      // Named as its success line names it.
      expect(run.stderr).toMatch(/^report merge: /);
    }
    const pairs = await cli(['report', 'merge', files[0] as string, '--output', 'a', '--output', 'b']);
    expect(pairs.code).toBe(2);
    expect(pairs.stderr).toMatch(/--output b has no --reporter/);
  });

  it('refuses shards run with another --runs, --only or --max-time, or not recording them (exit 2, one line)', async () => {
    const files = [1, 2, 3].map((i) => join(dir, `shard-${i}.json`));
    const otherRuns = join(dir, 'shard-3-runs-7.json');
    await writeFile(otherRuns, (await session({ index: 3, count: 3 }, 7)).json);
    const third = JSON.parse(await readFile(files[2] as string, 'utf8'));
    const variant = async (name: string, json: unknown) => {
      const file = join(dir, name);
      await writeFile(file, JSON.stringify(json));
      return file;
    };
    const { selection, ...old } = third;
    for (const [file, message] of [
      [otherRuns, /shard-3-runs-7\.json was run with --runs 7, .*shard-1\.json with 6: shards of one run/],
      [
        await variant('only.json', { ...third, selection: { ...selection, only: ['*'] } }),
        /only\.json was run with --only \*, .*shard-1\.json with send-email\/valid\*,/,
      ],
      [
        await variant('max-time.json', { ...third, selection: { ...selection, maxTimeMs: 5000 } }),
        /max-time\.json was run with --max-time 5, .*shard-1\.json with \(none\)/,
      ],
      [await variant('old.json', old), /old\.json does not record its --runs, --only and --max-time/],
    ] as Array<[string, RegExp]>) {
      const run = await cli(['report', 'merge', files[0] as string, files[1] as string, file]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  }, 60_000);

  it('carries a property --max-time did not run through the merge', async () => {
    const files = [1, 2, 3].map((i) => join(dir, `shard-${i}.json`));
    const first = JSON.parse(await readFile(files[0] as string, 'utf8'));
    const index = first.results.findIndex((r: { status: string }) => r.status === 'passed');
    expect(index).toBeGreaterThanOrEqual(0);
    first.results[index] = { ...first.results[index], status: 'not-run', runs: 0, budgetCut: { asked: 6 } };
    const cut = join(dir, 'shard-1-cut.json');
    await writeFile(cut, JSON.stringify(first));
    const merged = await cli([
      'report',
      'merge',
      cut,
      files[1] as string,
      files[2] as string,
      '--reporter',
      'json',
    ]);
    const report = JSON.parse(merged.stdout);
    expect(report.summary.notRun).toBe(1);
    expect(report.results.filter((r: { status: string }) => r.status === 'not-run')).toHaveLength(1);
    const xml = await cli([
      'report',
      'merge',
      cut,
      files[1] as string,
      files[2] as string,
      '--reporter',
      'junit',
    ]);
    expect(xml.stdout).toContain('skipped="1"');
  });

  it('exits 0 when every shard passed', async () => {
    const reference = await startMockServer({ profile: 'documented', port: 0 });
    try {
      const outcome = await runSession({
        baseUrl: reference.url,
        profile: 'documented',
        strict: false,
        from: 'sender@example.com',
        seed: 5,
        only: ['send-email/valid*'],
        timeoutMs: 10_000,
        work: { kind: 'run', runs: 3, concurrency: 1, shard: { index: 1, count: 1 } },
      });
      const file = join(dir, 'passed.json');
      await writeFile(file, jsonReport(outcome.report, outcome.context));
      const run = await cli(['report', 'merge', file, '--reporter', 'junit']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('failures="0"');
    } finally {
      await reference.close();
    }
  });
});
