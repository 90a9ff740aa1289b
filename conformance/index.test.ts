/** The library entry: the same properties, usable with plain `fc.assert`. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../src/server/mock-app.ts';
import { BROKEN_SERVERS } from './fixtures/broken-servers.ts';
import { conformanceProperties } from './index.ts';

describe('conformanceProperties', () => {
  it('passes against the reference mock in process', async () => {
    const app = createMockApp({ profile: 'aws' });
    const properties = conformanceProperties({
      baseUrl: 'http://mock.invalid',
      profile: 'aws',
      transport: (r) => app.handle(r),
    });
    expect(properties.map((p) => p.name)).toContain('send-bulk-email/bulk-results-match-entries');
    for (const p of properties)
      await fc.assert(p.property, { numRuns: Math.min(p.maxRuns ?? 10, 10), seed: 1 });
  }, 60_000);

  it('throws with the rule and the request when a property fails', async () => {
    const fixture = BROKEN_SERVERS.find((f) => f.name === 'accepts-unicode-domain');
    const app = createMockApp({ profile: 'documented', ...fixture?.options });
    const [property] = conformanceProperties({
      baseUrl: 'http://mock.invalid',
      transport: (r) => app.handle(r),
      only: 'send-email/invalid-C-ADDR4-is-rejected',
    });
    const error = await fc
      .assert(property?.property as fc.IAsyncProperty<[unknown]>, { numRuns: 50, seed: 1 })
      .then(
        () => undefined,
        (e: unknown) => e as Error & { cause?: Error },
      );
    // fast-check keeps the predicate's own error as the cause of its report.
    expect(`${error?.message}\n${error?.cause?.message}`).toMatch(
      /C-ADDR4: a request that breaks C-ADDR4 was accepted[\s\S]*Request: POST http:\/\/mock\.invalid\/v2\/email\/outbound-emails/,
    );
  });
});
