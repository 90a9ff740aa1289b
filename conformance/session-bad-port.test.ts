/**
 * A target on one of the Fetch standard's "bad ports" (6000, 6665–6669, …) is a target like any
 * other: fetch refuses to contact it, so nothing on the session's path may go through fetch.
 */
import { describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../src/server/start-mock-server.ts';
import { runSession } from './session.ts';

const BAD_PORTS = [6666, 6667, 6668, 6669, 6000, 6665];

async function mockOnABadPort(): Promise<RunningMockServer> {
  for (const port of BAD_PORTS) {
    try {
      return await startMockServer({ profile: 'documented', port });
    } catch {
      // in use here: try the next one
    }
  }
  throw new Error(`none of ports ${BAD_PORTS.join(', ')} is free`);
}

describe('a target on a port fetch refuses', () => {
  it('is reached and checked', { timeout: 60_000 }, async () => {
    const server = await mockOnABadPort();
    try {
      // The premise: fetch itself will not go there.
      await expect(fetch(`${server.url}/_mock/messages`)).rejects.toThrow();
      const outcome = await runSession({
        baseUrl: server.url,
        profile: 'documented',
        strict: false,
        from: 'sender@example.com',
        seed: 1,
        only: ['send-email/ids-are-unique'],
        timeoutMs: 5000,
        work: { kind: 'run', runs: 2, concurrency: 1 },
      });
      expect(outcome.kind).toBe('passed');
      expect(outcome.report.results).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
