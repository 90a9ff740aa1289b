/**
 * The inbox page in a real browser (issue 10): Chromium (Debian's `chromium`, driven by
 * playwright-core, as in mocks/browser/msw-browser.test.ts) opens `/_mock` on the node mock, a
 * templated send arrives after the page loaded, and the page's poll shows it without a reload:
 * the rendered subject and the decoded display name are visible.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHeadlessChromium } from '../../mocks/browser/headless-chromium.test-support.ts';
import { SEND_EMAIL_PATH } from './sample-requests.test-support.ts';
import { type RunningMockServer, startMockServer } from './start-mock-server.ts';

describe('the inbox page in Chromium', () => {
  let browser: Browser;
  let server: RunningMockServer;

  beforeAll(async () => {
    server = await startMockServer({
      profile: 'documented',
      seed: 1,
      templates: { welcome: { Subject: 'Hi {{name}}', Html: '{{#if vip}}<b>VIP</b>{{/if}} {{name}}' } },
    });
    browser = await launchHeadlessChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a message sent after the page loaded, rendered, with its display name decoded', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.url}/_mock`);
    await expect(page.textContent('h1')).resolves.toContain('0 messages');
    // A reload would drop this marker; the poll swaps the list in place.
    await page.evaluate(() => {
      (window as unknown as { loadedOnce: boolean }).loadedOnce = true;
    });

    const response = await fetch(`${server.url}${SEND_EMAIL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        FromEmailAddress: '=?UTF-8?B?QmrDtnJu?= <bjorn@example.com>',
        Destination: { ToAddresses: ['=?UTF-8?B?Wm/Dqw==?= <zoe@example.org>'] },
        Content: {
          Template: {
            TemplateName: 'welcome',
            TemplateData: JSON.stringify({ name: '<i>Ann</i>', vip: true }),
          },
        },
      }),
    });
    expect(response.status).toBe(200);

    const subject = page.locator('h2.subject', { hasText: 'Hi <i>Ann</i>' });
    await subject.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await subject.textContent()).toBe('Hi <i>Ann</i>');
    await expect(page.getByText('Zoë <zoe@example.org>', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Björn <bjorn@example.com>', { exact: true }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText('Send → Delivery', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    // The HTML body is rendered inside the sandboxed frame, unescaped as SES sends it.
    const frame = page.frameLocator('iframe[title="HTML body"]');
    await expect(frame.locator('b').textContent()).resolves.toBe('VIP');
    expect(errors).toEqual([]);
  }, 60_000);
});
