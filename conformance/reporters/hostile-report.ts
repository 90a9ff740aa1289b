/**
 * A failing report whose target answered with markup, an ANSI escape and a bidi override, for the
 * tests of the HTML report (escaping, and the browser test that expands a failure).
 */
import type { CommandContext } from '../runner/replay-command.ts';
import { conformanceReport, type PropertyResult } from '../runner/run-conformance.ts';

const context: CommandContext = { profile: 'documented', strict: false, from: 'sender@example.com', seed: 1 };

const body = JSON.stringify({
  FromEmailAddress: 'sender@example.com',
  Destination: { ToAddresses: ['bob@bücher.de'] },
  Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
});

const failed: PropertyResult = {
  property: 'send-email/invalid-C-ADDR4-is-rejected',
  operation: 'send-email',
  rules: ['C-ADDR4', 'C-W3'],
  level: 'MUST',
  status: 'failed',
  runs: 4,
  cases: 6,
  seed: 1,
  durationMs: 12,
  failure: {
    problem: { rule: 'C-ADDR4', message: 'accepted an invalid request: 200 <script>alert(1)</script>' },
    exchange: {
      case: { operation: 'send-email', text: body },
      request: {
        method: 'POST',
        url: 'http://127.0.0.1:1/v2/email/outbound-emails',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body,
      },
      response: {
        status: 200,
        headers: { 'content-type': 'text/html', 'x-note': '\u202eevil' },
        body: '<script>alert(1)</script>\u001b[31mred',
      },
      durationMs: 1,
    },
    counterexample: {},
    path: '3:0',
    shrinks: 2,
  },
};

const passed: PropertyResult = {
  ...failed,
  property: 'send-email/valid-request-is-accepted',
  rules: ['C-W1'],
  status: 'passed',
  failure: undefined,
};
delete passed.failure;

export const hostileReport = {
  report: conformanceReport(
    { profile: 'documented', baseUrl: 'http://127.0.0.1:1', seed: 1, strict: false },
    [passed, failed],
    performance.now(),
    undefined,
  ),
  context,
};
