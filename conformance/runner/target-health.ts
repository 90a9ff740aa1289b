/**
 * A circuit breaker over the whole run: after a few exchanges in a row got no answer at all, the
 * target is taken for dead and later cases fail at once, so a killed or hung implementation ends
 * the run in seconds with failures instead of one timeout per remaining case.
 */
import type { ConformanceCase } from '../case.ts';
import { type Exchange, type SendOptions, sendCase } from '../transport/exchange.ts';
import type { Transport } from '../transport/transport.ts';

export const UNANSWERED_IN_A_ROW_LIMIT = 3;

export type GuardedSender = {
  send(c: ConformanceCase): Promise<Exchange>;
  /** Why the target is taken for dead, once it is. */
  readonly dead: string | undefined;
};

export function guardedSender(
  transport: Transport,
  options: SendOptions,
  limit = UNANSWERED_IN_A_ROW_LIMIT,
): GuardedSender {
  let unanswered = 0;
  let dead: string | undefined;
  const refuse: Transport = () =>
    Promise.reject(new Error(`not sent: the target stopped answering earlier in this run (${dead})`));
  return {
    get dead() {
      return dead;
    },
    async send(c) {
      if (dead) return sendCase(refuse, c, options);
      const exchange = await sendCase(transport, c, options);
      if (exchange.response) unanswered = 0;
      else if (++unanswered >= limit) dead = exchange.error ?? 'no answer';
      return exchange;
    },
  };
}
