/**
 * The HTML report in Chromium (Debian's `chromium`, driven by playwright-core), opened from a file
 * as a CI artifact is: its inline script runs under its own Content-Security-Policy, a failure
 * starts collapsed and expands on a click, and the property's link opens its failure.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHeadlessChromium } from '../../mocks/browser/headless-chromium.test-support.ts';
import { hostileReport } from '../fixtures/hostile-report.ts';
import { htmlReport } from './html-reporter.ts';

let browser: Browser;
let dir: string;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ses-contract-html-browser-'));
  const file = join(dir, 'report.html');
  await writeFile(file, htmlReport(hostileReport.report, hostileReport.context));
  url = pathToFileURL(file).href;
  browser = await launchHeadlessChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('html report in Chromium', () => {
  it('a failure starts collapsed and expands on a click; nothing is blocked or loaded', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    const failure = page.locator('details#failure-1');
    const request = failure.locator('pre.request');
    expect(await failure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await request.isVisible()).toBe(false);
    await failure.locator('summary').click();
    expect(await failure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await request.isVisible()).toBe(true);
    expect(await request.textContent()).toContain('POST http://127.0.0.1:1/v2/email/outbound-emails');
    expect(await failure.locator('pre.curl').textContent()).toMatch(/^curl -sS -i -X POST /);
    // The target's markup is text on the page, not an element.
    expect(await failure.locator('pre.response').textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('body script').count()).toBe(1);

    // The inline script ran (its hash is in the CSP): the buttons and the property link work.
    await page.locator('#collapse-all').click();
    expect(await failure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.locator('a[href="#failure-1"]').click();
    await expect.poll(() => failure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.locator('#only-failed').check();
    expect(await page.locator('tr.passed').isVisible()).toBe(false);
    expect(await page.locator('tr.failed').isVisible()).toBe(true);

    expect(problems).toEqual([]);
    expect(requests.every((r) => r.startsWith('file://'))).toBe(true);
    await page.close();
  });
});
