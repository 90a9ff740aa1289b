/**
 * The CI recipe cannot rot: the shell loop of docs/ci.md and the shard and merge steps of
 * docs/ci/github-actions.yml run here as written (bash, `npx ses-contract` resolved to this
 * checkout's CLI with 3 runs per property) against the reference mock, and their reports must
 * cover the suite exactly once and merge to a passing run.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectedDefinitions } from '../../conformance/runner/run-conformance.ts';
import { type RunningMockServer, startMockServer } from '../server/start-mock-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/ses-contract.js');

let server: RunningMockServer;
let shims: string;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startMockServer({ profile: 'documented', port: 0 });
  shims = await mkdtemp(join(tmpdir(), 'ses-contract-npx-'));
  dirs.push(shims);
  // `npx ses-contract …` as in an installed project, with few runs: what is tested is the commands.
  await writeFile(
    join(shims, 'npx'),
    [
      '#!/bin/sh',
      '[ "$1" = ses-contract ] && shift',
      `if [ "$1" = conform ]; then shift; exec "${process.execPath}" "${bin}" conform --runs 3 "$@"; fi`,
      `exec "${process.execPath}" "${bin}" "$@"`,
      '',
    ].join('\n'),
  );
  await chmod(join(shims, 'npx'), 0o755);
});

afterAll(async () => {
  await server.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

type Run = { code: number; stdout: string; stderr: string };

async function bash(script: string, env: Record<string, string>): Promise<Run & { cwd: string }> {
  const cwd = await mkdtemp(join(tmpdir(), 'ses-contract-ci-'));
  dirs.push(cwd);
  await mkdir(join(cwd, 'reports'), { recursive: true });
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', script],
      {
        cwd,
        env: { ...process.env, PATH: `${shims}:${process.env.PATH}`, CI: 'true', ...env },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr, cwd }),
    );
  });
}

/** The fenced block after the `<!-- ci-recipe` marker of docs/ci.md. */
async function shellRecipe(): Promise<string> {
  const text = await readFile(join(root, 'docs/ci.md'), 'utf8');
  const block = /<!-- ci-recipe[^\n]*-->\n```sh\n([\s\S]*?)\n```/.exec(text)?.[1];
  if (!block) throw new Error('docs/ci.md has no ci-recipe block');
  return block;
}

/** The `run: |` script of a named step of the workflow, unindented. */
function workflowStep(yaml: string, name: string): string {
  const lines = yaml.split('\n');
  const at = lines.findIndex((l) => l.trim() === `- name: ${name}`);
  const run = lines.findIndex((l, i) => i > at && l.trim() === 'run: |');
  if (at < 0 || run < 0) throw new Error(`no step "${name}" with a run script`);
  const indent = (lines[run + 1] ?? '').search(/\S/);
  const script: string[] = [];
  for (const line of lines.slice(run + 1)) {
    if (line.trim() !== '' && line.search(/\S/) < indent) break;
    script.push(line.slice(indent));
  }
  return script.join('\n');
}

async function propertiesIn(cwd: string, shards: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 1; i <= shards; i++) {
    const report = JSON.parse(await readFile(join(cwd, `reports/shard-${i}.json`), 'utf8'));
    expect(report.shard).toEqual({ index: i, count: shards });
    expect(report.seed).toBe(42);
    names.push(...report.results.map((r: { property: string }) => r.property));
  }
  return names;
}

const suite = selectedDefinitions({
  profile: 'documented',
  strict: false,
  from: 'sender@example.com',
  only: [],
})
  .map((d) => d.name)
  .sort();

describe('CI recipe', () => {
  it("docs/ci.md's shell loop: 4 shards cover the suite once, the merge passes and writes its reports", async () => {
    const run = await bash(await shellRecipe(), { TARGET_URL: server.url });
    expect(run.stderr).not.toMatch(/error|internal/i);
    expect(run.code).toBe(0);
    const names = await propertiesIn(run.cwd, 4);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(suite);
    expect(run.stdout).toContain(`${suite.length} properties: ${suite.length} passed, 0 failed`);
    expect(run.stdout).toContain('Rule coverage');
    expect(await readFile(join(run.cwd, 'reports/junit.xml'), 'utf8')).toContain(`tests="${suite.length}"`);
    expect(await readFile(join(run.cwd, 'reports/report.html'), 'utf8')).toContain('<section id="coverage">');
  }, 240_000);

  it("docs/ci.md's shell loop keeps each failing shard's replay file apart", async () => {
    // A twin that answers 500 to a body that is not JSON: the malformed-JSON property of each
    // operation fails (C-REQ1), in whichever shards they fall.
    const parses = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const broken = await startMockServer({
      profile: 'documented',
      port: 0,
      wrap: (handle) => async (request) =>
        parses(await request.clone().text()) ? handle(request) : new Response('{}', { status: 500 }),
    });
    try {
      const run = await bash(await shellRecipe(), { TARGET_URL: broken.url });
      expect(run.code).toBe(1);
      const failingShards = new Set<number>();
      for (let i = 1; i <= 4; i++) {
        const report = JSON.parse(await readFile(join(run.cwd, `reports/shard-${i}.json`), 'utf8'));
        const failed = report.results
          .filter((r: { status: string }) => r.status === 'failed')
          .map((r: { property: string }) => r.property);
        const replay = await readFile(join(run.cwd, `reports/replay-${i}.json`), 'utf8').catch(
          () => undefined,
        );
        if (failed.length === 0) {
          expect(replay).toBeUndefined();
          continue;
        }
        failingShards.add(i);
        const recorded = JSON.parse(replay ?? '{}').failures.map((f: { property: string }) => f.property);
        expect(recorded.sort()).toEqual(failed.sort());
      }
      expect(failingShards.size).toBeGreaterThan(0);
      // Nothing is left behind for a later run to mistake for its own.
      await expect(readFile(join(run.cwd, '.ses-contract/replay.json'))).rejects.toThrow();
    } finally {
      await broken.close();
    }
  }, 240_000);

  it("docs/ci/github-actions.yml's shard and merge steps, for each matrix entry, do the same", async () => {
    const yaml = await readFile(join(root, 'docs/ci/github-actions.yml'), 'utf8');
    const matrix =
      /shard: \[([\d, ]+)\]/
        .exec(yaml)?.[1]
        ?.split(',')
        .map((s) => s.trim()) ?? [];
    expect(matrix).toEqual(['1', '2', '3', '4']);
    const seed = /SEED: "(\d+)"/.exec(yaml)?.[1] ?? '';
    const shard = workflowStep(yaml, 'Conformance shard');
    const merge = workflowStep(yaml, 'Merge the shards');
    const matrixShard = '$' + '{{ matrix.shard }}';
    const script = [
      ...matrix.map((i) => `(${shard.replaceAll(matrixShard, i)}) || true`),
      // The merge job downloads every shard's reports into reports/.
      merge,
    ].join('\n');
    const run = await bash(script, { TARGET_URL: server.url, SEED: seed });
    expect(run.code).toBe(0);
    const names = await propertiesIn(run.cwd, 4);
    expect([...names].sort()).toEqual(suite);
    expect(await readFile(join(run.cwd, 'merged/junit.xml'), 'utf8')).toContain('failures="0"');
    expect(await readFile(join(run.cwd, 'merged/report.html'), 'utf8')).toContain('Conformant');
    for (const i of matrix) {
      expect(await readFile(join(run.cwd, `reports/junit-${i}.xml`), 'utf8')).toContain('<testsuites');
      expect(await readFile(join(run.cwd, `reports/shard-${i}.html`), 'utf8')).toContain('<!doctype html>');
    }
  }, 240_000);
});
