/** `--sign` in what a report prints: signature headers in the curl line, `--sign`/`--region` in replay commands. */
import { describe, expect, it } from 'vitest';
import { sigv4Signer } from '../transport/sigv4-transport.ts';
import { curlCommand } from './curl-command.ts';
import { replayCommand } from './replay-command.ts';
import type { ConformanceReport, PropertyResult } from './run-conformance.ts';
import { mergeCoverage } from './run-coverage.ts';
import { signFailureRequests } from './signed-failures.ts';

const request = {
  method: 'POST',
  url: 'http://127.0.0.1:8005/v2/email/outbound-emails',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: '{}',
};

function reportWith(results: PropertyResult[]): ConformanceReport {
  return {
    profile: 'aws',
    baseUrl: 'http://127.0.0.1:8005',
    seed: 1,
    strict: false,
    summary: {
      properties: results.length,
      passed: 0,
      failed: results.length,
      notRun: 0,
      cases: 1,
      durationMs: 1,
    },
    results,
    coverage: mergeCoverage([]),
  };
}

const failed: PropertyResult = {
  property: 'send-email/valid-request-is-accepted',
  operation: 'send-email',
  rules: ['C-A1'],
  level: 'MUST',
  status: 'failed',
  runs: 1,
  cases: 1,
  seed: 1,
  durationMs: 1,
  failure: {
    problem: { rule: 'C-A1', message: 'x' },
    exchange: { case: { operation: 'send-email', body: {} }, request, durationMs: 1 },
    counterexample: {},
    path: '0',
    shrinks: 0,
  },
};

describe('signed failures', () => {
  it('adds SigV4 headers to each failing request, which the curl line then carries', async () => {
    const signed = await signFailureRequests(
      reportWith([failed]),
      sigv4Signer({ region: 'us-east-1', now: () => new Date('2026-01-02T03:04:05Z') }),
    );
    const headers = signed.results[0]?.failure?.exchange.request.headers ?? {};
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260102\/us-east-1\/ses\//,
    );
    const curl = curlCommand(signed.results[0]?.failure?.exchange.request ?? request);
    expect(curl).toContain("-H 'x-amz-date: 20260102T030405Z'");
    expect(curl).toContain("-H 'authorization: AWS4-HMAC-SHA256 ");
    expect(curl).not.toContain('accept:');
    // The original report is left as it was.
    expect(failed.failure?.exchange.request.headers.authorization).toBeUndefined();
  });

  it('replay commands say --sign, and --region only when it is not us-east-1', () => {
    const context = { profile: 'aws' as const, strict: false, from: 'sender@example.com', seed: 3 };
    expect(replayCommand(context, 'p', '0')).not.toContain('--sign');
    expect(replayCommand({ ...context, sign: { region: 'us-east-1' } }, 'p', '0')).toContain(
      '--sign --seed 3',
    );
    expect(replayCommand({ ...context, sign: { region: 'eu-west-1' } }, 'p', '0')).toContain(
      '--sign --region eu-west-1 --seed 3',
    );
  });
});
