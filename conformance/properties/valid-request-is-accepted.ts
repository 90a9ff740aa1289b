/**
 * A valid request (every MUST and SHOULD rule holds) is accepted with the profile's success body:
 * C-W1 (documented), C-A1 / C-A2 (aws). A transient answer (429, 503, or a transient bulk entry
 * status) is re-sent and the last answer checked (C-A2).
 */

import { validSendBulkEmail } from '../arbitraries/send-bulk-email.ts';
import { validSendEmail } from '../arbitraries/send-email.ts';
import type { ConformanceCase, Operation } from '../case.ts';
import { checkAccepted, successRule } from './check-accepted.ts';
import type { Problem } from './problem.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';
import { type RetriedExchange, sendRetryingTransients, triesNote } from './send-retrying-transients.ts';

export function entryCount(c: ConformanceCase): number | undefined {
  const entries = (c.body as { BulkEmailEntries?: unknown } | undefined)?.BulkEmailEntries;
  return Array.isArray(entries) ? entries.length : undefined;
}

export function validCases(operation: Operation, from: string) {
  const bodies = operation === 'send-email' ? validSendEmail(from) : validSendBulkEmail(from);
  return bodies.map((body): ConformanceCase => ({ operation, body }));
}

/** Checks the last answer to a valid case, saying when it took several tries. */
export function checkValid(
  sent: RetriedExchange,
  c: ConformanceCase,
  profile: PropertyOptions['profile'],
): Problem | undefined {
  const problem = checkAccepted(sent.exchange, { profile, operation: c.operation, entries: entryCount(c) });
  return problem ? { ...problem, message: `${problem.message}${triesNote(sent.tries)}` } : undefined;
}

export function validRequestIsAccepted(operation: Operation, options: PropertyOptions): PropertyDefinition {
  return defineProperty({
    name: `${operation}/valid-request-is-accepted`,
    operation,
    rules: [successRule(options.profile, operation)],
    level: 'MUST',
    arbitrary: validCases(operation, options.from),
    async check(c, context) {
      const sent = await sendRetryingTransients(context, c);
      const problem = checkValid(sent, c, context.profile);
      return problem ? { exchange: sent.exchange, problem } : { exchange: sent.exchange };
    },
  });
}
