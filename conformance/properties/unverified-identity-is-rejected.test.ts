/**
 * `conform --unverified-from` / `--sandbox-recipient` (issue 11, item 7): the identity properties
 * exist only when asked for, pass against a mock that enforces identities, fail naming C-ID1 /
 * C-ID2 against one that verifies everything, and survive a replay.
 */
import { describe, expect, it } from 'vitest';
import { sessionOptionsOf } from '../../src/cli/conform-command.ts';
import { startMockServer } from '../../src/server/start-mock-server.ts';
import { runSession, type SessionOptions } from '../session.ts';
import { propertyDefinitions } from './catalog.ts';

const IDENTITY_PROPERTIES = [
  'send-email/unverified-from-is-rejected',
  'send-email/unverified-recipient-is-rejected',
];

function options(baseUrl: string, profile: 'documented' | 'aws'): SessionOptions {
  return {
    baseUrl,
    profile,
    strict: false,
    from: 'sender@example.com',
    seed: 42,
    unverifiedFrom: 'mallory@evil.example',
    sandboxRecipient: 'stranger@elsewhere.example',
    only: ['*unverified*'],
    timeoutMs: 10_000,
    work: { kind: 'run', runs: 20, concurrency: 2 },
  };
}

describe('identity properties', () => {
  it('are generated only when the run names an unverified identity', () => {
    const names = (extra: object) =>
      propertyDefinitions({ profile: 'aws', strict: true, from: 'sender@example.com', ...extra })
        .map((p) => p.name)
        .filter((n) => n.includes('unverified'));
    expect(names({})).toEqual([]);
    expect(names({ unverifiedFrom: 'x@evil.example' })).toEqual([IDENTITY_PROPERTIES[0]]);
    expect(names({ unverifiedFrom: 'x@evil.example', sandboxRecipient: 'y@evil.example' })).toEqual(
      IDENTITY_PROPERTIES,
    );
  });

  it.each(['documented', 'aws'] as const)(
    'pass against a mock that enforces identities and the sandbox (%s)',
    async (profile) => {
      const server = await startMockServer({
        profile,
        identities: ['example.com', 'example.org', 'example.net'],
        sandbox: true,
        maxSendRate: 1_000_000,
      });
      try {
        const outcome = await runSession(options(server.url, profile));
        expect(outcome.report.results.map((r) => [r.property, r.failure?.problem.message])).toEqual(
          IDENTITY_PROPERTIES.map((p) => [p, undefined]),
        );
        expect(outcome.kind).toBe('passed');
      } finally {
        await server.close();
      }
    },
    60_000,
  );

  it.each(['documented', 'aws'] as const)(
    'fail naming C-ID1 and C-ID2 against a mock that verifies everything, and replay with the identities recorded (%s)',
    async (profile) => {
      const server = await startMockServer({ profile });
      try {
        const outcome = await runSession(options(server.url, profile));
        expect(outcome.kind).toBe('failed');
        const problems = outcome.report.results.map((r) => r.failure?.problem);
        expect(problems.map((p) => p?.rule)).toEqual(['C-ID1', 'C-ID2']);
        expect(problems[0]?.message).toMatch(/^a send from mallory@evil\.example was accepted/);
        if (outcome.kind !== 'failed') return;
        expect(outcome.replayFile).toMatchObject({
          unverifiedFrom: 'mallory@evil.example',
          sandboxRecipient: 'stranger@elsewhere.example',
        });
        expect(outcome.replayFile.failures[0]?.replay).toContain('--unverified-from mallory@evil.example');
        const replayed = await runSession({
          ...options(server.url, profile),
          only: [],
          work: { kind: 'replay', file: outcome.replayFile },
        });
        expect(replayed.report.results.map((r) => r.failure?.problem.rule)).toEqual(['C-ID1', 'C-ID2']);
      } finally {
        await server.close();
      }
    },
    60_000,
  );

  it('conform flags map to the session; an invalid address is a usage error', async () => {
    const { options: mapped } = await sessionOptionsOf(
      { unverifiedFrom: 'x@evil.example', sandboxRecipient: 'y@evil.example' },
      {},
    );
    expect(mapped).toMatchObject({ unverifiedFrom: 'x@evil.example', sandboxRecipient: 'y@evil.example' });
    await expect(
      runSession({ ...options('http://127.0.0.1:9', 'aws'), unverifiedFrom: 'not an address' }),
    ).rejects.toThrow(/^--unverified-from not an address is not a valid address/);
  });
});
