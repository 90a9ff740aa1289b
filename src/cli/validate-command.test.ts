import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../contract/examples/example-catalog.ts';
import { runCaptured } from './captured-main.test-support.ts';

const BIN = fileURLToPath(new URL('../../bin/ses-contract.js', import.meta.url));
const run = promisify(execFile);

const cli = runCaptured;

const SIMPLE = {
  FromEmailAddress: 's@example.com',
  Destination: { ToAddresses: ['alice@example.org'] },
  Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
};

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

  it('checks catalog files as their body and operation, several at once, each line naming its file', async () => {
    const valid = examples.filter((e) => e.label === 'valid').map((e) => e.file);
    const all = await cli(['validate', ...valid, '--strict']);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    const validLines = all.stdout
      .split('\n')
      .filter((line) => / valid send-(bulk-)?email request/.test(line));
    expect(validLines).toHaveLength(valid.length);
    expect(all.stdout).toContain(`${valid[0]}: valid `);

    const bulk = examples.find((e) => e.label === 'valid' && e.operation === 'send-bulk-email');
    const invalid = examples.find((e) => e.label === 'C-ADDR4');
    const mixed = await cli(['validate', bulk?.file as string, invalid?.file as string, '--json']);
    expect(mixed.code).toBe(1);
    const results = JSON.parse(mixed.stdout) as Array<{ file: string; operation: string; valid: boolean }>;
    expect(results.map((r) => [r.file, r.operation, r.valid])).toEqual([
      [bulk?.file, 'send-bulk-email', true],
      [invalid?.file, 'send-email', false],
    ]);
  });

  it('prints advice as warning lines that never change the exit code; --json lists it apart', async () => {
    const file = join(dir, 'zoe.json');
    await writeFile(
      file,
      JSON.stringify({ ...SIMPLE, Destination: { ToAddresses: ['Zoë <alice@example.org>'] } }),
    );
    const text = await cli(['validate', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^warning C-ADDR8 \/Destination\/ToAddresses\/0: .+\nvalid send-email request, 1 warning\n$/,
    );
    const json = await cli(['validate', file, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      valid: boolean;
      violations: unknown[];
      advice: Array<{ rule: string; level: string }>;
    };
    expect(report.valid).toBe(true);
    expect(report.violations).toEqual([]);
    expect(report.advice.map((a) => [a.rule, a.level])).toEqual([['C-ADDR8', 'ADVISE']]);
    // With a violation too: the warning is printed, the exit code is the violation's.
    await writeFile(
      file,
      JSON.stringify({
        ...SIMPLE,
        Destination: { ToAddresses: ['Zoë <alice@example.org>', 'bob@bücher.de'] },
      }),
    );
    const both = await cli(['validate', file]);
    expect(both.code).toBe(1);
    expect(both.stdout).toContain('warning C-ADDR8 ');
    expect(both.stdout).toContain('1 violation, 1 warning (send-email)');
  });

  it('infers the bulk operation and prints JSON', async () => {
    const file = join(dir, 'bulk.json');
    await writeFile(
      file,
      JSON.stringify({ FromEmailAddress: 's@example.com', DefaultContent: {}, BulkEmailEntries: [] }),
    );
    const { code, stdout } = await cli(['validate', file, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { operation: string; violations: Array<{ rule: string }> };
    expect(report.operation).toBe('send-bulk-email');
    expect(report.violations.map((v) => v.rule).sort()).toEqual(['C-BULK1', 'C-BULK2']);
  });

  it.each([
    [
      '{"Destination":',
      /^C-REQ1 \/: the body is not JSON: Unexpected end of JSON input at line 1, column 16$/m,
    ],
    ['{"Content": x}', /^C-REQ1 \/: the body is not JSON: Unexpected token 'x', .* at line 1, column 13$/m],
    [
      '{\n  "a": 1,\n}',
      /^C-REQ1 \/: the body is not JSON: Expected double-quoted property name at line 3, column 1$/m,
    ],
  ])('a file that is not JSON (%j) breaks C-REQ1 with the position: exit 1', async (text, message) => {
    const file = join(dir, 'broken.json');
    await writeFile(file, text);
    const { code, stdout, stderr } = await cli(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(message);
    expect(stderr).toBe('');
    const json = await cli(['validate', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: false,
      violations: [{ rule: 'C-REQ1', path: '' }],
    });
  });

  it('malformed standard input is C-REQ1 too', async () => {
    const { code, stdout } = await cli(['validate'], { stdin: [Buffer.from('{"Destination":')] });
    expect(code).toBe(1);
    expect(stdout).toContain('C-REQ1 /: the body is not JSON');
  });

  it('exits 2 on unreadable input and on bad flags, with a one-line reason', async () => {
    const missing = await cli(['validate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^validate: cannot read .*nope\.json: ENOENT/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const file = join(dir, 'ok.json');
    await writeFile(file, JSON.stringify(SIMPLE));
    const badFlag = await cli(['validate', file, '--operation', 'send-fax']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr.trim().split('\n')).toHaveLength(1);
    expect(badFlag.stderr).toMatch(/send-fax/);
    const unknown = await cli(['validate', '--no-such-flag']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('on a terminal with no file prints usage and exits 2 instead of waiting', async () => {
    const stdin = Object.assign([] as Buffer[], { isTTY: true });
    const { code, stdout, stderr } = await cli(['validate'], { stdin });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: ses-contract validate/);
    expect(stderr.trim().split('\n').at(-1)).toBe(
      'validate: no input: name a FILE, or pipe a request body into standard input.',
    );
  });

  it("reads a terminal when '-' is named (the user types or pastes the body)", async () => {
    const stdin = Object.assign([Buffer.from(JSON.stringify(SIMPLE))], { isTTY: true });
    const { code, stderr } = await cli(['validate', '-'], { stdin });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('still checks the readable files when one of several cannot be read, then exits 2', async () => {
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    await writeFile(good, JSON.stringify(SIMPLE));
    await writeFile(bad, JSON.stringify({ ...SIMPLE, Destination: { ToAddresses: ['bob@bücher.de'] } }));
    const { code, stdout, stderr } = await cli(['validate', good, bad, join(dir, 'nope.json')]);
    expect(stdout).toContain('C-ADDR4');
    expect(stdout).toContain('good.json');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/cannot read .*nope\.json/);
    expect(code).toBe(2);
  });

  it('empty standard input gets a clear message and exit 2', async () => {
    const { code, stderr } = await cli(['validate', '-']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'validate: standard input is empty: pipe a SendEmail or SendBulkEmail request body (JSON) into it, or name a file.\n',
    );
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
