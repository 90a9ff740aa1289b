/**
 * MSW in a real browser: the page (page.ts, bundled with esbuild) calls the API through openapi-fetch,
 * MSW's service worker hands each request to the reference mock's handlers, and Chromium (Debian's
 * `chromium`, driven by playwright-core) shows what came back.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../../src/server/mock-app.ts';
import { SEND_EMAIL_PATH } from '../../src/server/sample-requests.test-support.ts';
import { launchHeadlessChromium } from './headless-chromium.test-support.ts';
import { expectedOutcome, type ScenarioOutcome } from './ses-scenarios.ts';
import { renderedView, TEMPLATED_SEND, WELCOME_TEMPLATE } from './templated-send.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = path === '/' ? 'index.html' : path.slice(1);
    if (!/^[\w.-]+$/.test(file)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(dir, file));
      response
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      // Anything the service worker did not intercept ends here, which the assertions then show.
      response
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('not found (the request reached the network)');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      });
    }),
  );
}

describe('MSW handlers in Chromium through the service worker', () => {
  let dir: string;
  let site: { server: Server; url: string };
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ses-contract-msw-'));
    await build({
      entryPoints: [join(here, 'page.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(dir, 'page.js'),
      logLevel: 'silent',
    });
    await copyFile(join(here, 'index.html'), join(dir, 'index.html'));
    await promisify(execFile)(
      process.execPath,
      [join(root, 'node_modules/msw/cli/index.js'), 'init', dir, '--no-save'],
      {
        cwd: root,
      },
    );
    site = await serveStatic(dir);
    browser = await launchHeadlessChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the id of a valid send and the rule id of an invalid one', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    expect(errors).toEqual([]);

    await page.click('#send-valid');
    await page.waitForFunction(() =>
      /^(sent|rejected)/.test(document.querySelector('#result')?.textContent ?? ''),
    );
    expect(await page.textContent('#result')).toMatch(/^sent [0-9a-f]{16}-[0-9a-f-]{36}-000001$/);

    await page.click('#send-invalid');
    await page.waitForFunction(() => /^rejected/.test(document.querySelector('#result')?.textContent ?? ''));
    expect(await page.textContent('#result')).toMatch(
      /^rejected C-ADDR4: C-ADDR4 \/Destination\/ToAddresses\/0/,
    );
    expect(errors).toEqual([]);
  }, 60_000);

  it('renders a stored template in the service worker exactly as the node mock does', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    await page.click('#send-template');
    await page.waitForFunction(() =>
      /^(rendered|rejected)/.test(document.querySelector('#result')?.textContent ?? ''),
    );
    const shown = (await page.textContent('#result')) ?? '';
    expect(shown).toMatch(/^rendered /);
    const inBrowser = JSON.parse(shown.slice('rendered '.length));

    const app = createMockApp({ profile: 'documented', templates: { welcome: WELCOME_TEMPLATE } });
    await app.handle(
      new Request(`http://mock.test${SEND_EMAIL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(TEMPLATED_SEND),
      }),
    );
    const inNode = renderedView(app.messages.list()[0]);
    expect(inNode.subject).toBe('Hi <i>Ann</i>');
    expect(inBrowser).toEqual(JSON.parse(JSON.stringify(inNode)));
    expect(errors).toEqual([]);
  }, 60_000);

  it.each(['documented', 'aws'] as const)(
    'runs the identity, sandbox, simulator, limit, forced-error and retrieval scenarios in the service worker as in Node (%s)',
    async (profile) => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${site.url}/?scenarios=${profile}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
      await page.click('#run-scenarios');
      await page.waitForFunction(
        () => /^outcome /.test(document.querySelector('#result')?.textContent ?? ''),
        null,
        {
          timeout: 20_000,
        },
      );
      const shown = (await page.textContent('#result')) ?? '';
      const outcome = JSON.parse(shown.slice('outcome '.length)) as ScenarioOutcome;
      expect(outcome).toEqual(expectedOutcome(profile, outcome.localStack.ids[0] ?? 'none'));
      expect(errors).toEqual([]);
    },
    60_000,
  );
});
