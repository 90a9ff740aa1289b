/**
 * The page of the browser test: a tiny "send" UI that calls the API through the generated
 * openapi-fetch client while MSW's service worker answers with the reference mock's handlers.
 * Bundled by esbuild in the test; nothing here is shipped.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/sesv2.documented.ts';
import { setupSesMockWorker } from '../browser.ts';
import { runScenarios, SCENARIO_OPTIONS } from './ses-scenarios.ts';
import { renderedView, TEMPLATED_SEND, WELCOME_TEMPLATE } from './templated-send.ts';

const valid = {
  FromEmailAddress: 'sender@example.com',
  Destination: { ToAddresses: ['alice@example.com'] },
  Content: { Simple: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'Hi Alice' } } } },
};
const invalid = { ...valid, Destination: { ToAddresses: ['alice@bücher.de'] } };

const client = createClient<paths>({ baseUrl: location.origin });
const output = document.querySelector('#result') as HTMLOutputElement;

async function sendTemplated(): Promise<void> {
  output.textContent = 'sending…';
  const { data } = await client.POST('/v2/email/outbound-emails', { body: TEMPLATED_SEND as never });
  output.textContent = data
    ? `rendered ${JSON.stringify(renderedView(worker.messages.list()[0]))}`
    : 'rejected';
}

async function send(body: typeof valid): Promise<void> {
  output.textContent = 'sending…';
  const { data, error } = await client.POST('/v2/email/outbound-emails', { body });
  output.textContent = data
    ? `sent ${data.data.id}`
    : `rejected ${(error?.error.details ?? []).map((d) => d.rule).join(' ')}: ${error?.error.message ?? ''}`;
}

// `?scenarios=<profile>`: the issue 11 scenarios, with the mock they need.
const scenarios = new URLSearchParams(location.search).get('scenarios');
const worker = setupSesMockWorker(
  scenarios === 'aws' || scenarios === 'documented'
    ? { profile: scenarios, ...SCENARIO_OPTIONS }
    : { seed: 11, templates: { welcome: WELCOME_TEMPLATE } },
);

async function runIssue11Scenarios(): Promise<void> {
  output.textContent = 'running…';
  const outcome = await runScenarios(fetch, location.origin, (id) => [
    ...(worker.messages.get(id)?.events ?? []),
  ]);
  output.textContent = `outcome ${JSON.stringify(outcome)}`;
}
await worker.start({
  serviceWorker: { url: '/mockServiceWorker.js' },
  quiet: true,
  onUnhandledRequest: 'error',
});
document.querySelector('#send-valid')?.addEventListener('click', () => void send(valid));
document.querySelector('#send-invalid')?.addEventListener('click', () => void send(invalid));
document.querySelector('#send-template')?.addEventListener('click', () => void sendTemplated());
document.querySelector('#run-scenarios')?.addEventListener('click', () => void runIssue11Scenarios());
document.body.dataset.ready = 'true';
