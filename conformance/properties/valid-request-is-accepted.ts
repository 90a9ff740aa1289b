/**
 * A valid request (every MUST and SHOULD rule holds) is accepted with the profile's success body:
 * C-W1 (documented), C-A1 / C-A2 (aws).
 */

import { validSendBulkEmail } from '../arbitraries/send-bulk-email.ts';
import { validSendEmail } from '../arbitraries/send-email.ts';
import type { ConformanceCase, Operation } from '../case.ts';
import { judgeAccepted, successRule } from './judge-accepted.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';

export function entryCount(c: ConformanceCase): number | undefined {
  const entries = (c.body as { BulkEmailEntries?: unknown } | undefined)?.BulkEmailEntries;
  return Array.isArray(entries) ? entries.length : undefined;
}

export function validCases(operation: Operation, from: string) {
  const bodies = operation === 'send-email' ? validSendEmail(from) : validSendBulkEmail(from);
  return bodies.map((body): ConformanceCase => ({ operation, body }));
}

export function validRequestIsAccepted(operation: Operation, options: PropertyOptions): PropertyDefinition {
  return defineProperty({
    name: `${operation}/valid-request-is-accepted`,
    operation,
    rules: [successRule(options.profile, operation)],
    level: 'MUST',
    arbitrary: validCases(operation, options.from),
    async check(c, context) {
      const exchange = await context.send(c);
      const problem = judgeAccepted(exchange, {
        profile: context.profile,
        operation,
        entries: entryCount(c),
      });
      return problem ? { exchange, problem } : { exchange };
    },
  });
}
