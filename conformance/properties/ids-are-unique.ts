/**
 * `data.id` / `MessageId` values are unique across accepted requests (C-W4 / C-A4): each case
 * sends a few valid requests, and every id must be new to the whole run.
 */
import fc from 'fast-check';
import type { Operation } from '../case.ts';
import { acceptedIds } from './check-accepted.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';
import { sendRetryingTransients } from './send-retrying-transients.ts';
import { checkValid, validCases } from './valid-request-is-accepted.ts';

export function idsAreUnique(operation: Operation, options: PropertyOptions): PropertyDefinition {
  const seen = new Map<string, string>();
  return defineProperty({
    name: `${operation}/ids-are-unique`,
    operation,
    rules: [options.profile === 'documented' ? 'C-W4' : 'C-A4'],
    level: 'MUST',
    arbitrary: fc.array(validCases(operation, options.from), { minLength: 2, maxLength: 3 }),
    async check(cases, context) {
      const rule = context.profile === 'documented' ? 'C-W4' : 'C-A4';
      let last: Awaited<ReturnType<typeof context.send>> | undefined;
      for (const c of cases) {
        // Transient answers carry no ids (C-A2): only the last answer's ids count.
        const sent = await sendRetryingTransients(context, c);
        const exchange = sent.exchange;
        last = exchange;
        const problem = checkValid(sent, c, context.profile);
        if (problem) return { exchange, problem };
        for (const id of acceptedIds(exchange, context.profile)) {
          const earlier = seen.get(id);
          if (earlier !== undefined) {
            return {
              exchange,
              problem: {
                rule,
                message: `id '${id}' was already returned for an earlier accepted request (${earlier}).`,
              },
            };
          }
          seen.set(id, `request #${seen.size + 1}`);
        }
      }
      return { exchange: last as NonNullable<typeof last> };
    },
  });
}
