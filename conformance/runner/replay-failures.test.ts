/**
 * Replaying a counterexample stored as seed, path and digest: it is rebuilt exactly (same JSON,
 * same request bytes), and a digest that does not match is ses-contract's bug, not a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSendEmail } from '../../src/contract/validate-send-email.ts';
import { type RunningMockServer, startMockServer } from '../../src/server/start-mock-server.ts';
import { InternalError } from '../errors.ts';
import { httpTransport } from '../transport/transport.ts';
import { checkReplayEntries, replayFailures } from './replay-failures.ts';
import { type RegeneratedCounterexample, type ReplayFile, sha256Hex } from './replay-file.ts';
import { runConformance } from './run-conformance.ts';

const PROPERTY = 'send-email/invalid-C-ADDR4-is-rejected';

describe('replaying a counterexample stored as seed and path', () => {
  let server: RunningMockServer;
  let file: ReplayFile;
  let sentBody = '';
  beforeAll(async () => {
    // A twin that accepts Unicode domains, so the C-ADDR4 property fails against it.
    server = await startMockServer({
      profile: 'documented',
      port: 0,
      validators: {
        sendEmail: (body) => validateSendEmail(body, { strict: true }).filter((v) => v.rule !== 'C-ADDR4'),
        sendBulkEmail: () => [],
      },
    });
    const options = { profile: 'documented', strict: false, from: 'sender@example.com' } as const;
    const report = await runConformance({
      ...options,
      transport: httpTransport(),
      baseUrl: server.url,
      runs: 20,
      seed: 5,
      only: [PROPERTY],
      timeoutMs: 10_000,
      concurrency: 1,
    });
    const result = report.results[0];
    const failure = result?.failure;
    if (!result || !failure) throw new Error('the twin should fail the C-ADDR4 property');
    sentBody = failure.exchange.request.body;
    const json = JSON.stringify(failure.counterexample);
    file = {
      version: 2,
      ...options,
      seed: 5,
      baseUrl: server.url,
      failures: [
        {
          property: PROPERTY,
          operation: 'send-email',
          rules: result.rules,
          problem: failure.problem,
          path: failure.path,
          replay: '',
          regenerate: { seed: result.seed, path: failure.path, sha256: sha256Hex(json), bytes: json.length },
        },
      ],
    };
  });
  afterAll(() => server?.close());

  it('rebuilds the same case and sends the same bytes', async () => {
    const replayed = await replayFailures(file, {
      transport: httpTransport(),
      baseUrl: server.url,
      timeoutMs: 10_000,
    });
    expect(replayed.summary).toMatchObject({ properties: 1, failed: 1 });
    expect(replayed.results[0]?.failure?.exchange.request.body).toBe(sentBody);
  });

  it('refuses a digest that does not match with an InternalError', async () => {
    const entry = file.failures[0] as ReplayFile['failures'][number] & {
      regenerate: RegeneratedCounterexample;
    };
    const tampered: ReplayFile = {
      ...file,
      failures: [{ ...entry, regenerate: { ...entry.regenerate, sha256: '0'.repeat(64) } }],
    };
    await expect(
      replayFailures(tampered, { transport: httpTransport(), baseUrl: server.url, timeoutMs: 10_000 }),
    ).rejects.toThrow(InternalError);
    await expect(
      replayFailures(tampered, { transport: httpTransport(), baseUrl: server.url, timeoutMs: 10_000 }),
    ).rejects.toThrow(/rebuilt from seed -?\d+ and path [\d:]+ is not the recorded one/);
  });

  it('an entry naming an unknown property is an InternalError before anything is sent', () => {
    const unknown: ReplayFile = {
      ...file,
      failures: [{ ...(file.failures[0] as ReplayFile['failures'][number]), property: 'send-email/gone' }],
    };
    expect(() => checkReplayEntries(unknown)).toThrow(InternalError);
    expect(() => checkReplayEntries(unknown, ['C-DEST1'])).not.toThrow();
  });
});
