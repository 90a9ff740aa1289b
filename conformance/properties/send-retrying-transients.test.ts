/**
 * C-A2: which answers are transient, and how often a valid case is re-sent. The broken and correct
 * twins (fixtures/) show the same end to end; these pin the edges: a transient status on a broken
 * entry is an answer, `INVALID_PARAMETER` is never retried, retries are bounded.
 */
import { describe, expect, it } from 'vitest';
import type { ConformanceCase } from '../case.ts';
import type { Exchange } from '../transport/exchange.ts';
import type { PropertyContext } from './property.ts';
import { isTransient, MAX_RETRIES, sendRetryingTransients, triesNote } from './send-retrying-transients.ts';

const c: ConformanceCase = { operation: 'send-bulk-email', body: {} };

function answer(status: number, json?: unknown): Exchange {
  return {
    case: c,
    request: { method: 'POST', url: 'http://x/', headers: {}, body: '{}' },
    response: {
      status,
      headers: {},
      body: JSON.stringify(json ?? {}),
      ...(json === undefined ? {} : { json }),
    },
    durationMs: 1,
  };
}
const bulk = (...statuses: string[]) =>
  answer(200, { BulkEmailEntryResults: statuses.map((Status) => ({ Status, MessageId: 'm' })) });

describe('isTransient', () => {
  it.each([
    ['429', answer(429), true],
    ['503', answer(503), true],
    ['500', answer(500), false],
    ['400', answer(400), false],
    ['a SendEmail 200', answer(200, { MessageId: 'm' }), false],
    ['all SUCCESS', bulk('SUCCESS', 'SUCCESS'), false],
    ['FAILED', bulk('SUCCESS', 'FAILED'), true],
    ['TRANSIENT_FAILURE', bulk('TRANSIENT_FAILURE'), true],
    ['ACCOUNT_THROTTLED', bulk('ACCOUNT_THROTTLED'), true],
    ['ACCOUNT_DAILY_QUOTA_EXCEEDED', bulk('ACCOUNT_DAILY_QUOTA_EXCEEDED'), true],
    ['INVALID_PARAMETER', bulk('INVALID_PARAMETER'), false],
    ['MESSAGE_REJECTED', bulk('MESSAGE_REJECTED'), false],
  ] as const)('%s → %s', (_, exchange, transient) => {
    expect(isTransient(exchange)).toBe(transient);
  });

  it('a transient status on a broken entry is its answer, not a hiccup', () => {
    expect(isTransient(bulk('SUCCESS', 'FAILED'), (i) => i !== 1)).toBe(false);
    expect(isTransient(bulk('FAILED', 'FAILED'), (i) => i !== 1)).toBe(true);
  });

  it('no answer at all is not transient (the property reports it)', () => {
    expect(isTransient({ case: c, request: answer(200).request, error: 'ECONNRESET', durationMs: 1 })).toBe(
      false,
    );
  });
});

describe('sendRetryingTransients', () => {
  function context(answers: Exchange[]): PropertyContext & { sent: number } {
    const ctx = {
      profile: 'aws' as const,
      strict: false,
      from: 'sender@example.com',
      sent: 0,
      async send() {
        const next = answers[Math.min(ctx.sent, answers.length - 1)] as Exchange;
        ctx.sent += 1;
        return next;
      },
    };
    return ctx;
  }

  it('checks the first answer when it is not transient', async () => {
    const ctx = context([bulk('SUCCESS')]);
    const { exchange, tries } = await sendRetryingTransients(ctx, c);
    expect([ctx.sent, tries, exchange]).toEqual([1, 1, bulk('SUCCESS')]);
    expect(triesNote(tries)).toBe('');
  });

  it('re-sends after a transient answer and checks the next one', async () => {
    const ctx = context([bulk('FAILED'), bulk('SUCCESS')]);
    const { exchange, tries } = await sendRetryingTransients(ctx, c);
    expect([ctx.sent, tries, exchange]).toEqual([2, 2, bulk('SUCCESS')]);
    expect(triesNote(tries)).toContain('last of 2 tries');
  });

  it('stops after MAX_RETRIES re-sends and hands back the last (still transient) answer', async () => {
    const ctx = context([answer(503)]);
    const { exchange, tries } = await sendRetryingTransients(ctx, c);
    expect(ctx.sent).toBe(1 + MAX_RETRIES);
    expect(tries).toBe(1 + MAX_RETRIES);
    expect(exchange.response?.status).toBe(503);
  });
});
