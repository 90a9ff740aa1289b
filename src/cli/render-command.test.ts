/**
 * `ses-contract render` (issue 10): prints what each recipient gets, exactly as the mock stores it;
 * exit 1 naming the variable (and the entry) when one has no value, exit 2 for bad usage.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtExamples, loadExamples } from '../contract/examples/example-catalog.ts';
import { isJsonObject } from '../contract/json-reading.ts';
import { createMockApp, type StoredMessage } from '../server/mock-app.ts';
import { SEND_BULK_EMAIL_PATH, SEND_EMAIL_PATH } from '../server/sample-requests.test-support.ts';
import { type CliIo, main } from './main.ts';

const TEMPLATES = {
  welcome: {
    Subject: 'Hi {{name}}',
    Html: '{{#if vip}}<b>VIP</b>{{/if}} {{name}}',
  },
  nested: { Subject: 'x={{a.x}} y={{a.y}}', Text: 'items={{list.length}}' },
};

/** Templates the catalog's stored-template examples name; they need no variable, like `TemplateData: "{}"`. */
const CATALOG_TEMPLATES = {
  welcome: {
    Subject: 'Welcome{{#if user.name}} {{user.name}}{{/if}}',
    Text: 'Hello{{#each user.tags}} #{{this}}{{/each}}',
  },
  digest: {
    Subject: 'Your digest',
    Html: '<p>{{#if items}}{{items.length}} items{{else}}nothing new{{/if}}</p>',
  },
};

let dir = '';
let templates = '';
let catalogTemplates = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ses-contract-render-'));
  templates = join(dir, 'templates');
  catalogTemplates = join(dir, 'catalog-templates');
  for (const [folder, set] of [
    [templates, TEMPLATES],
    [catalogTemplates, CATALOG_TEMPLATES],
  ] as const) {
    await mkdir(folder);
    for (const [name, content] of Object.entries(set)) {
      await writeFile(join(folder, `${name}.json`), JSON.stringify(content));
    }
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(
  args: string[],
  stdin?: unknown,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
    stdin: stdin === undefined ? Object.assign([], { isTTY: true }) : [JSON.stringify(stdin)],
    interactive: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const welcomeSend = (data: string) => ({
  FromEmailAddress: 'sender@example.com',
  Destination: { ToAddresses: ['ann@example.org'] },
  Content: { Template: { TemplateName: 'welcome', TemplateData: data } },
});

const bulk = {
  FromEmailAddress: 'sender@example.com',
  DefaultContent: {
    Template: { TemplateName: 'nested', TemplateData: '{"a":{"x":"defX","y":"defY"},"list":[1,2]}' },
  },
  BulkEmailEntries: [
    {
      Destination: { ToAddresses: ['one@example.org'] },
      ReplacementEmailContent: {
        ReplacementTemplate: { ReplacementTemplateData: '{"a":{"x":"repX"},"list":[3]}' },
      },
    },
    {
      Destination: { ToAddresses: ['two@example.org'] },
      ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '{"a":{"y":null}}' } },
    },
  ],
};

describe('ses-contract render', () => {
  it('prints the rendered, unescaped welcome message and exits 0', async () => {
    const result = await run(
      ['render', '--templates', templates],
      welcomeSend('{"name":"<i>Ann</i>","vip":true}'),
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Subject: Hi <i>Ann</i>\n');
    expect(result.stdout).toContain('--- html ---\n<b>VIP</b> <i>Ann</i>\n');
  });

  it('exits 1 naming the missing variable', async () => {
    const result = await run(['render', '--templates', templates, '-'], welcomeSend('{}'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Rendering Failure in the message: variable name has no value (Subject): Attribute 'name' is not present in the rendering data.\n",
    );
  });

  it('renders each bulk entry with its merged data and names the entry whose variable is missing', async () => {
    const result = await run(['render', '--templates', templates, '--format', 'json'], bulk);
    expect(result.code).toBe(1);
    const view = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(view[0]).toMatchObject({ entry: 1, subject: 'x=repX y=defY', text: 'items=1' });
    expect(view[1]).toMatchObject({ entry: 2, template: { rendering: 'failed', missingVariable: 'a.y' } });
    expect(result.stderr).toContain('Rendering Failure in entry 2: variable a.y has no value (Subject)');
    const one = await run(['render', '--templates', templates, '--entry', '1', '--format', 'html'], {
      ...bulk,
      DefaultContent: { Template: { TemplateName: 'welcome', TemplateData: '{"name":"N"}' } },
    });
    expect(one).toEqual({ code: 0, stdout: ' N\n', stderr: '' });
  });

  it('prints one entry as a MIME message with --format eml', async () => {
    const result = await run(
      ['render', '--templates', templates, '--format', 'eml'],
      welcomeSend('{"name":"Zoë","vip":false}'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('From: sender@example.com\r\nTo: ann@example.org\r\n');
    expect(result.stdout).toContain('Subject: =?UTF-8?B?SGkgWm/Dqw==?=\r\nMIME-Version: 1.0\r\n');
    expect(result.stdout).toContain(
      'Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n',
    );
  });

  it.each([
    [['render', '--format', 'xml'], /argument 'xml' is invalid/],
    [['render', '--entry', '0'], /--entry must be a whole number from 1/],
    [['render'], /no input: name a FILE/],
    [
      ['render', '--templates', '/nonexistent-ses-contract-dir', 'request.json'],
      /--templates \/nonexistent-ses-contract-dir: cannot read the directory \(ENOENT\)/,
    ],
  ])('exits 2 for %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 for a stored template without --templates, an entry out of range, or eml of several entries', async () => {
    expect((await run(['render'], welcomeSend('{}'))).stderr).toMatch(
      /stored template welcome: pass --templates DIR/,
    );
    const range = await run(['render', '--templates', templates, '--entry', '3'], bulk);
    expect(range).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--entry 3: the request has 2 entries/),
    });
    const eml = await run(['render', '--templates', templates, '--format', 'eml'], bulk);
    expect(eml).toMatchObject({ code: 2, stderr: expect.stringMatching(/choose one of the 2 entries/) });
  });

  it('exits 1 for a template DIR does not hold, and for a request the mock refuses', async () => {
    const unknown = await run(['render', '--templates', templates], {
      ...welcomeSend('{}'),
      Content: { Template: { TemplateName: 'nope', TemplateData: '{}' } },
    });
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('template nope is not in') });
    const invalid = await run(['render', '--templates', templates], {
      ...welcomeSend('{}'),
      FromEmailAddress: 'bad',
    });
    expect(invalid).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('the mock would refuse this request'),
    });
  });

  it('renders the good entries of a bulk request whose defects are all in other entries, as SES sends them', async () => {
    const entries = bulk.BulkEmailEntries;
    const partly = {
      ...bulk,
      BulkEmailEntries: [
        entries[0],
        { Destination: { ToAddresses: ['bob@@example.com'] } },
        {
          ...entries[1],
          ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '[]' } },
        },
      ],
    };
    const all = await run(['render', '--templates', templates, '--format', 'json'], partly);
    expect(all.code).toBe(1);
    expect((JSON.parse(all.stdout) as Array<{ entry: number }>).map((m) => m.entry)).toEqual([1]);
    expect(all.stderr).toMatch(/C-BULK3 \/BulkEmailEntries\/1\/Destination\/ToAddresses\/0/);
    expect(all.stderr).toMatch(/C-BULK4 \/BulkEmailEntries\/2\//);
    expect(all.stderr).toMatch(/entry 2 is not rendered: SES refuses it alone/);
    expect(all.stderr).toMatch(/entry 3 is not rendered/);
    expect(all.stderr).not.toMatch(/entry 1 is not rendered|would refuse this request/);

    const good = await run(['render', '--templates', templates, '--entry', '1', '--format', 'eml'], partly);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout).toContain('To: one@example.org');
    const range = await run(['render', '--templates', templates, '--entry', '4'], partly);
    expect(range).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^render: --entry 4: the request has 3 entries/),
    });
    const bad = await run(['render', '--templates', templates, '--entry', '2'], partly);
    expect(bad).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/entry 2 is not rendered/),
    });

    // A defect outside the entries still refuses the whole request.
    const whole = await run(['render', '--templates', templates], { ...partly, FromEmailAddress: 'bad' });
    expect(whole).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('the mock would refuse this request'),
    });
  });

  it('has --help naming its options and exit codes', async () => {
    const result = await run(['render', '--help']);
    expect(result.code).toBe(0);
    for (const text of [
      '--templates <dir>',
      '--entry <n>',
      '--format <format>',
      'Exit codes:',
      'Rendering Failure',
    ]) {
      expect(result.stdout).toContain(text);
    }
  });
});

describe('a malformed template file', () => {
  it('stops render and mock with exit 2, naming the file and the Handlebars message', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad, { recursive: true });
    await writeFile(join(bad, 'broken.json'), JSON.stringify({ Subject: 'Hi {{#if x}}' }));
    for (const command of ['render', 'mock']) {
      const result = await run([command, '--templates', bad], welcomeSend('{}'));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(
          `${join(bad, 'broken.json').replaceAll('/', '\\/')}: Subject: Parse error on line 1: Expecting .*got 'EOF'`,
        ),
      );
    }
  });
});

describe('render prints what the mock stores', () => {
  const templated = [...loadExamples(), ...builtExamples()].filter(
    (e) => e.reports.length === 0 && /"Template(Content|Name|Arn)"/.test(JSON.stringify(e.body)),
  );

  it('covers the catalog template examples (inline, named, ARN, bulk, a missing variable)', () => {
    expect(templated.length).toBeGreaterThanOrEqual(15);
  });

  it.each(templated.map((e) => [e.name, e] as const))('%s', async (_name, example) => {
    const rendered = await run(['render', '--templates', catalogTemplates, '--format', 'json'], example.body);
    const view = JSON.parse(rendered.stdout) as Array<Record<string, unknown>>;
    const app = createMockApp({ profile: 'aws', templates: CATALOG_TEMPLATES });
    const path = example.operation === 'send-bulk-email' ? SEND_BULK_EMAIL_PATH : SEND_EMAIL_PATH;
    const response = await app.handle(
      new Request(`http://mock.test${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(example.body),
      }),
    );
    expect(response.status).toBe(200);
    const stored: StoredMessage[] = app.messages.list().reverse();
    const shown = (m: Record<string, unknown>) =>
      Object.fromEntries(
        ['from', 'to', 'cc', 'bcc', 'subject', 'text', 'html', 'template', 'headers', 'tags', 'events'].map(
          (key) => [key, m[key]],
        ),
      );
    expect(view.map(shown)).toEqual(stored.map((m) => shown(m as unknown as Record<string, unknown>)));
    const failed = stored.some((m) => m.template?.rendering === 'failed');
    expect(rendered.code).toBe(failed ? 1 : 0);
    expect(view.every((m) => isJsonObject(m.template))).toBe(true);
  });
});
