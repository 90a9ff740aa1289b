import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadExamples } from '../contract/examples/example-catalog.ts';
import { main } from './main.ts';

const BIN = fileURLToPath(new URL('../../bin/ses-contract.js', import.meta.url));
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout: out.join('\n'), stderr: err.join('') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    stderr.mockRestore();
  }
}

describe('ses-contract validate', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ses-contract-validate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const examples = loadExamples();
  it.each(examples.map((e) => [e.name, e] as const))(
    'exits as %s says (--strict)',
    async (_name, example) => {
      const file = join(dir, `${example.name.replace('/', '_')}.json`);
      await writeFile(file, JSON.stringify(example.body));
      const { code, stdout } = await cli(['validate', file, '--strict']);
      expect(code).toBe(example.label === 'valid' ? 0 : 1);
      for (const rule of example.reports) expect(stdout).toContain(`${rule} `);
    },
  );

  it('infers the bulk operation and prints JSON', async () => {
    const file = join(dir, 'bulk.json');
    await writeFile(file, JSON.stringify({ DefaultContent: {}, BulkEmailEntries: [] }));
    const { code, stdout } = await cli(['validate', file, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { operation: string; violations: Array<{ rule: string }> };
    expect(report.operation).toBe('send-bulk-email');
    expect(report.violations.map((v) => v.rule).sort()).toEqual(['C-BULK1', 'C-BULK2']);
  });

  it('exits 2 on unreadable input and on bad flags, with a one-line reason', async () => {
    const missing = await cli(['validate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json/);
    const file = join(dir, 'broken.json');
    await writeFile(file, '{"Content": ');
    expect((await cli(['validate', file])).code).toBe(2);
    const badFlag = await cli(['validate', file, '--operation', 'send-fax']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr.trim().split('\n')[0]).toMatch(/send-fax/);
    expect((await cli(['validate', '--no-such-flag'])).code).toBe(2);
  });

  it('runs as a real process reading standard input', async () => {
    const child = run('node', [BIN, 'validate', '-', '--operation', 'send-email'], { encoding: 'utf8' });
    child.child.stdin?.end(JSON.stringify({ Destination: { ToAddresses: ['bob@bücher.de'] }, Content: {} }));
    const failure = await child.then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('C-ADDR4 /Destination/ToAddresses/0');
    expect(failure?.stdout).toContain('C-CONT1 /Content');
  });
});
