/** Documented profile, strict: `data.created_at` is within 5 minutes of the runner's clock (C-W5). */
import type { Operation } from '../case.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';
import { sendRetryingTransients } from './send-retrying-transients.ts';
import { checkValid, validCases } from './valid-request-is-accepted.ts';

const FIVE_MINUTES_MS = 5 * 60 * 1000;

export function createdAtIsRecent(operation: Operation, options: PropertyOptions): PropertyDefinition {
  return defineProperty({
    name: `${operation}/created-at-is-recent`,
    operation,
    rules: ['C-W5'],
    level: 'SHOULD',
    arbitrary: validCases(operation, options.from),
    async check(c, context) {
      const sent = await sendRetryingTransients(context, c);
      const exchange = sent.exchange;
      const problem = checkValid(sent, c, context.profile);
      if (problem) return { exchange, problem };
      const createdAt =
        (exchange.response?.json as { data?: { created_at?: string } } | undefined)?.data?.created_at ?? '';
      const skew = Math.abs(Date.parse(createdAt) - Date.now());
      if (skew > FIVE_MINUTES_MS) {
        return {
          exchange,
          problem: {
            rule: 'C-W5',
            message: `created_at ${createdAt} is ${Math.round(skew / 1000)} s away from the runner's clock. Expected: within 300 s.`,
          },
        };
      }
      return { exchange };
    },
  });
}
