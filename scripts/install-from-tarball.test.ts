/**
 * The package as a user gets it: `npm pack`, then `npm install <tarball>` into an empty project
 * that holds nothing else (no link to this checkout's node_modules), and every command and entry
 * used from outside the project. A dependency the shipped code imports but package.json does not
 * declare makes a command below fail here, whatever the checkout's node_modules holds.
 *
 * One pack and one install (offline-first from the npm cache) in beforeAll, shared by the tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './generated-files.ts';

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** What each `exports` entry must offer at run time (a new entry must be added here to pass). */
const ENTRY_EXPORTS: Record<string, string[]> = {
  'ses-contract': ['validateSendEmail', 'validateSendBulkEmail', 'createSesClient', 'startMockServer'],
  'ses-contract/conformance': ['conformanceProperties', 'runConformance', 'sendOne'],
  'ses-contract/mocks': ['createHandlers'],
  'ses-contract/mocks/node': ['setupSesMockServer'],
  'ses-contract/mocks/browser': ['setupSesMockWorker'],
  'ses-contract/package.json': ['default'],
};

const VALID_BODY = JSON.stringify({
  FromEmailAddress: 'sender@example.com',
  Destination: { ToAddresses: ['a@example.com'] },
  Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
});

/**
 * A consumer using every entry; the `@ts-expect-error` lines fail the check if an entry's types
 * resolve to `any` (an unresolved declaration does that silently).
 */
const CONSUMER = `import { createSesClient, type Violation, validateSendEmail } from 'ses-contract';
import { conformanceProperties } from 'ses-contract/conformance';
import { createHandlers } from 'ses-contract/mocks';
import type { setupSesMockWorker } from 'ses-contract/mocks/browser';
import { setupSesMockServer } from 'ses-contract/mocks/node';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

const violations: Violation[] = validateSendEmail({ Content: {} });
// @ts-expect-error validateSendEmail returns violations, not a string
const wrong: string = validateSendEmail({});
const client = createSesClient({ baseUrl: 'http://127.0.0.1:1' });
// The user's own msw and our handlers in one server: the types must be the user's msw's.
const server = setupServer(...createHandlers(), http.get('https://x.test/', () => HttpResponse.json({})));
const ours = setupSesMockServer({ profile: 'aws' });
// @ts-expect-error the profiles are 'documented' and 'aws'
createHandlers({ profile: 'smtp' });
const names: string[] = conformanceProperties({ baseUrl: 'http://127.0.0.1:1' }).map((p) => p.name);
// @ts-expect-error baseUrl is a string
conformanceProperties({ baseUrl: 1 });
type Worker = ReturnType<typeof setupSesMockWorker>;
export { client, names, ours, server, violations, wrong, type Worker };
`;

/** Imports every entry as ESM and intercepts one request with the user's msw and our handlers. */
const ESM_IMPORTS = `import { setupServer } from 'msw/node';
const expected = JSON.parse(process.argv[2]);
const found = {};
for (const [entry, names] of Object.entries(expected)) {
  const module = await import(entry, entry.endsWith('.json') ? { with: { type: 'json' } } : undefined);
  found[entry] = names.filter((name) => module[name] !== undefined);
}
const { createHandlers } = await import('ses-contract/mocks');
const server = setupServer(...createHandlers());
server.listen({ onUnhandledRequest: 'error' });
const answer = await fetch('https://api.example.test/v2/email/outbound-emails', {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: process.argv[3],
});
server.close();
console.log(JSON.stringify({ found, status: answer.status }));
`;

/** The same from CommonJS (require of our ESM, Node >= 20.19) with msw's CommonJS build. */
const CJS_REQUIRE = `const { setupServer } = require('msw/node');
const { createHandlers } = require('ses-contract/mocks');
const { setupSesMockServer } = require('ses-contract/mocks/node');
(async () => {
  const statuses = [];
  for (const server of [setupServer(...createHandlers()), setupSesMockServer()]) {
    server.listen({ onUnhandledRequest: 'error' });
    const answer = await fetch('https://api.example.test/v2/email/outbound-emails', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: process.argv[2],
    });
    statuses.push(answer.status);
    server.close();
  }
  console.log(JSON.stringify({ statuses, validate: typeof require('ses-contract').validateSendEmail }));
})();
`;

type Outcome = { code: number | null; stdout: string; stderr: string };

/**
 * The environment of a user's shell: without what `npm test` and vitest add (npm_* settings, the
 * checkout's node_modules/.bin on PATH, NODE_OPTIONS), which could let a child find our packages.
 */
function userEnv(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('npm_') && !kept.has(name)) continue;
    if (name === 'NODE_OPTIONS' || name === 'NODE_PATH' || name.startsWith('VITEST')) continue;
    env[name] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.startsWith(ROOT))
    .join(delimiter);
  return env;
}

function outcome(child: ChildProcess, input?: string): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin?.end(input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function run(command: string, args: string[], cwd: string, input?: string): Promise<Outcome> {
  return outcome(spawn(command, args, { cwd, env: userEnv() }), input);
}

/**
 * Why a command ended as it did: a conform report's failure headings and reasons (the lines after
 * each `FAIL name [rules]`), then the last lines of its output.
 */
function tail(result: Outcome): string {
  const lines = `${result.stdout}\n${result.stderr}`.trim().split('\n');
  const reasons = lines.flatMap((line, i) => (/^FAIL \S+ \[/.test(line) ? lines.slice(i, i + 2) : []));
  return [`exit ${result.code}`, ...reasons.slice(0, 20), '…', ...lines.slice(-10)].join('\n');
}

// One tsc per project shape; the flags are a user's, the declarations are the installed ones.
// The ESM check reads every declaration file (ours included); the CommonJS ones skip that
// (~5x faster) and test what differs for them: which declarations and which msw types resolve.
const TSC_COMMON = ['--noEmit', '--strict', '--target', 'ES2022', '--lib', 'ES2022,DOM', '--types', 'node'];
const NODENEXT = ['--module', 'nodenext', '--moduleResolution', 'nodenext'];
const TYPE_CHECKS: [shape: string, dir: string, flags: string[]][] = [
  ['an ESM project, module nodenext', 'esm', NODENEXT],
  ['a CommonJS project, module nodenext', 'cjs', [...NODENEXT, '--skipLibCheck']],
  [
    'a bundled project, moduleResolution bundler',
    'esm',
    ['--module', 'preserve', '--moduleResolution', 'bundler', '--skipLibCheck'],
  ],
  // node10 resolution ignores `exports` (typesVersions stands in); fast-check's own declarations
  // need an exports-aware resolution for pure-rand, so such projects need skipLibCheck anyway.
  ['a CommonJS project, module commonjs', 'cjs', ['--module', 'commonjs', '--skipLibCheck']],
];

// Generous: on a loaded 2-core machine one conform run or one tsc can take tens of seconds. For the
// same reason the conform runs get a long per-request timeout: this tests wiring, not speed (signing
// the 40 MiB C-MIME9 body in pure-JS SHA-256 alone takes seconds).
describe('the package installed from its tarball', { timeout: 240_000 }, () => {
  let work = '';
  let project = '';
  let elsewhere = '';
  let bin = '';
  let packedFiles: string[] = [];
  const typeChecks = new Map<string, Promise<Outcome>>();
  function startTypeChecks(): void {
    if (typeChecks.size > 0) return;
    let previous: Promise<unknown> = Promise.resolve();
    for (const [shape, dir, flags] of TYPE_CHECKS) {
      const check = previous.then(() =>
        run(process.execPath, [TSC, ...TSC_COMMON, ...flags, 'consumer.ts'], join(project, dir)),
      );
      typeChecks.set(shape, check);
      previous = check;
    }
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ses-contract-install-'));
    project = join(work, 'project');
    elsewhere = join(work, 'elsewhere');
    await Promise.all([mkdir(join(project, 'esm'), { recursive: true }), mkdir(elsewhere)]);
    await mkdir(join(project, 'cjs'));

    // `npm pack` runs prepare (the build), as a git install does.
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
    if (packed.code !== 0) throw new Error(`npm pack failed: ${tail(packed)}`);
    const [manifest] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [
      { filename: string; files: { path: string }[] },
    ];
    packedFiles = manifest.files.map((f) => f.path);

    // The user's own msw and @types/node, at the versions this checkout tests with.
    const version = async (name: string) =>
      (
        JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await writeFile(join(project, 'esm/package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(join(project, 'cjs/package.json'), JSON.stringify({ type: 'commonjs' }));
    await Promise.all([
      writeFile(join(project, 'esm/consumer.ts'), CONSUMER),
      writeFile(join(project, 'cjs/consumer.ts'), CONSUMER),
      writeFile(join(project, 'esm/imports.mjs'), ESM_IMPORTS),
      writeFile(join(project, 'cjs/require.cjs'), CJS_REQUIRE),
    ]);
    const installed = await run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        join(work, manifest.filename),
        `msw@${await version('msw')}`,
        `@types/node@${await version('@types/node')}`,
      ],
      project,
    );
    if (installed.code !== 0) throw new Error(`npm install of the tarball failed: ${tail(installed)}`);
    bin = join(project, 'node_modules/.bin/ses-contract');
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('ships compiled code and types for every export, without sources, maps or test fixtures', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, unknown>>;
    };
    // Every path an exports condition points at (the leaves), not the subpath keys.
    const targets: string[] = [];
    const collect = (node: unknown): void => {
      if (typeof node === 'string') targets.push(node.replace(/^\.\//, ''));
      else if (node && typeof node === 'object') Object.values(node).forEach(collect);
    };
    collect(manifest.exports);
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) expect(packedFiles).toContain(target);
    // src/ ships only the example catalog's JSON (validate reads it; no TypeScript source).
    expect(
      packedFiles.filter(
        (f) =>
          f.endsWith('.map') ||
          (f.startsWith('src/') && !/^src\/contract\/examples\/[^/]+\/[^/]+\.json$/.test(f)),
      ),
    ).toEqual([]);
    // Test helpers (`*.test-support.ts`, the sample requests among them) are not the package.
    expect(packedFiles.filter((f) => /fixtures|broken-servers|\.test[.-]|sample-requests/.test(f))).toEqual(
      [],
    );
  });

  it('ships every file the README and the shipped docs link to', async () => {
    const documents = packedFiles.filter((f) => f.endsWith('.md'));
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'docs/ci.md']));
    const missing: string[] = [];
    for (const document of documents) {
      const text = await readFile(join(ROOT, document), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (!target || /^[a-z]+:/.test(target)) continue;
        const path = posix.normalize(posix.join(posix.dirname(document), target));
        const shipped = packedFiles.some(
          (f) => f === path || f.startsWith(path.endsWith('/') ? path : `${path}/`),
        );
        if (!shipped) missing.push(`${document} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('installs no build-time tools (tsx, esbuild) as dependencies', () => {
    expect(existsSync(join(project, 'node_modules/ses-contract/package.json'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/esbuild'))).toBe(false);
  });

  it('runs --help from another directory', async () => {
    const result = await run(bin, ['--help'], elsewhere);
    expect(result.code, tail(result)).toBe(0);
    expect(result.stdout).toContain('Usage: ses-contract');
  });

  it('validates a body from stdin: exit 0 when valid, 1 with the rule ids when not', async () => {
    const valid = await run(bin, ['validate', '-'], elsewhere, VALID_BODY);
    expect(valid.code, tail(valid)).toBe(0);
    // An IDN domain: the engine's tr46 and punycode must come with the package.
    const idn = JSON.stringify({ Destination: { ToAddresses: ['bob@bücher.de'] }, Content: {} });
    const invalid = await run(bin, ['validate', '-'], elsewhere, idn);
    expect(invalid.code, tail(invalid)).toBe(1);
    expect(invalid.stdout).toContain('C-ADDR4 /Destination/ToAddresses/0');
  });

  it('validates the shipped example catalog: a valid example exits 0, an invalid one 1 naming its rule', async () => {
    const examples = join(project, 'node_modules/ses-contract/src/contract/examples');
    const valid = await run(bin, ['validate', join(examples, 'valid/simple-text.json')], elsewhere);
    expect(valid.code, tail(valid)).toBe(0);
    const invalid = await run(bin, ['validate', join(examples, 'C-ADDR4/unicode-domain.json')], elsewhere);
    expect(invalid.code, tail(invalid)).toBe(1);
    expect(invalid.stdout).toContain('C-ADDR4');
  });

  it('renders an inline template from stdin: exit 0 with the values, 1 naming a missing variable', async () => {
    const request = (data: string) =>
      JSON.stringify({
        FromEmailAddress: 'sender@example.com',
        Destination: { ToAddresses: ['a@example.com'] },
        Content: {
          Template: {
            TemplateContent: { Subject: 'Hello {{name}}', Text: 'Dear {{name}}' },
            TemplateData: data,
          },
        },
      });
    const rendered = await run(bin, ['render', '-'], elsewhere, request('{"name":"Ana"}'));
    expect(rendered.code, tail(rendered)).toBe(0);
    expect(rendered.stdout).toContain('Subject: Hello Ana');
    const missing = await run(bin, ['render', '-'], elsewhere, request('{}'));
    expect(missing.code, tail(missing)).toBe(1);
    expect(`${missing.stdout}${missing.stderr}`).toContain('name');
  });

  it('starts the mock on port 0, answers a send, passes a signed conform run, stops on SIGTERM', async () => {
    const mock = spawn(bin, ['mock', '--port', '0', '--profile', 'aws'], { cwd: elsewhere, env: userEnv() });
    const ended = outcome(mock);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        mock.stdout.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          const listening = /listening on (http:\/\/\S+)/.exec(seen);
          if (listening?.[1]) resolve(listening[1]);
        });
        mock.once('close', (code) => reject(new Error(`the mock exited (code ${code}) before it listened`)));
      });
      const answer = await fetch(`${url}/v2/email/outbound-emails`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: VALID_BODY,
      });
      expect(answer.status).toBe(200);
      const signed = await run(
        bin,
        [
          'conform',
          '--sign',
          '--base-url',
          url,
          '--profile',
          'aws',
          '--runs',
          '3',
          '--seed',
          '1',
          '--timeout-ms',
          '60000',
        ],
        elsewhere,
      );
      // A signing library the package does not declare shows here first (ERR_MODULE_NOT_FOUND).
      expect(`${signed.stdout}${signed.stderr}`).not.toMatch(/Cannot find (package|module)/);
      expect(signed.code, tail(signed)).toBe(0);
    } finally {
      mock.kill('SIGTERM');
    }
    const stopped = await ended;
    expect(stopped.code, tail(stopped)).toBe(0);
  });

  it('passes conform against its embedded reference mock from another directory', async () => {
    const result = await run(
      bin,
      ['conform', '--runs', '3', '--seed', '1', '--timeout-ms', '60000'],
      elsewhere,
    );
    expect(result.code, tail(result)).toBe(0);
  });

  it('imports every exports entry from ESM, and our msw handlers intercept with the user’s msw', async () => {
    // The type checks, the slowest steps, start here, one after the other, beside the light tests
    // that follow; not earlier, so they do not slow the conform runs above (which answer in time).
    startTypeChecks();
    const result = await run(
      process.execPath,
      [join(project, 'esm/imports.mjs'), JSON.stringify(ENTRY_EXPORTS), VALID_BODY],
      elsewhere,
    );
    expect(result.code, tail(result)).toBe(0);
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const entries = Object.keys(manifest.exports).map((key) =>
      key === '.' ? 'ses-contract' : `ses-contract/${key.slice(2)}`,
    );
    expect(Object.keys(ENTRY_EXPORTS).sort()).toEqual(entries.sort());
    expect(JSON.parse(result.stdout)).toEqual({ found: ENTRY_EXPORTS, status: 200 });
  });

  it('requires the msw entries from CommonJS, and they intercept with the user’s msw', async () => {
    const result = await run(process.execPath, [join(project, 'cjs/require.cjs'), VALID_BODY], elsewhere);
    expect(result.code, tail(result)).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ statuses: [200, 200], validate: 'function' });
  });

  it.each(TYPE_CHECKS.map(([shape]) => shape))('type-checks a consumer in %s', async (shape) => {
    startTypeChecks();
    const result = await typeChecks.get(shape);
    expect(`${result?.stdout}${result?.stderr}`).toBe('');
    expect(result?.code).toBe(0);
  });
});
