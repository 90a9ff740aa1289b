/**
 * AWS profile, SendBulkEmail: one result per entry, in entry order (C-A2, C-A5). Some entries are
 * broken (C-BULK3: a bad destination) so order is observable: if the implementation answers 200,
 * exactly the broken entries must be non-SUCCESS; rejecting the whole request also conforms.
 */
import fc from 'fast-check';
import { invalidAddress } from '../arbitraries/address.ts';
import { validEntry, validSendBulkEmail } from '../arbitraries/send-bulk-email.ts';
import type { ConformanceCase } from '../case.ts';
import { checkRejected } from './check-rejected.ts';
import type { Problem } from './problem.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';
import { sendRetryingTransients, triesNote } from './send-retrying-transients.ts';

type MixedCase = ConformanceCase & { broken: boolean[] };

function mixedEntries(from: string): fc.Arbitrary<MixedCase> {
  const brokenEntry = fc
    .tuple(validEntry, invalidAddress['C-ADDR4'])
    .map(([entry, bad]) => ({ ...entry, Destination: { ToAddresses: [bad] } }));
  return fc
    .tuple(
      validSendBulkEmail(from),
      fc.array(
        fc.oneof(
          validEntry.map((e) => ({ e, broken: false })),
          brokenEntry.map((e) => ({ e, broken: true })),
        ),
        {
          minLength: 2,
          maxLength: 6,
        },
      ),
    )
    .filter(([, entries]) => entries.some((x) => x.broken) && entries.some((x) => !x.broken))
    .map(([body, entries]) => ({
      operation: 'send-bulk-email' as const,
      body: { ...body, BulkEmailEntries: entries.map((x) => x.e) },
      broken: entries.map((x) => x.broken),
    }));
}

export function bulkResultsMatchEntries(options: PropertyOptions): PropertyDefinition {
  return defineProperty({
    name: 'send-bulk-email/bulk-results-match-entries',
    operation: 'send-bulk-email',
    rules: ['C-A2', 'C-A5'],
    level: 'MUST',
    arbitrary: mixedEntries(options.from),
    async check(c, context) {
      // A transient status on a valid entry (or a 429/503) is re-sent, never checked at once (C-A2).
      const sent = await sendRetryingTransients(context, c, (i) => c.broken[i] === false);
      const exchange = sent.exchange;
      if (exchange.response?.status !== 200) {
        const problem = checkRejected(exchange, { profile: context.profile, breaks: 'C-BULK3' });
        return problem ? { exchange, problem } : { exchange };
      }
      const results = (exchange.response.json as { BulkEmailEntryResults?: unknown })?.BulkEmailEntryResults;
      const expected = c.broken.map((b) => (b ? 'not SUCCESS' : 'SUCCESS'));
      let problem: Problem | undefined;
      if (!Array.isArray(results) || results.length !== c.broken.length) {
        problem = {
          rule: 'C-A2',
          message: `${Array.isArray(results) ? results.length : 'no'} results for ${c.broken.length} entries. Expected: one result per entry, in entry order.`,
        };
      } else {
        const statuses = results.map((r) => (r as { Status?: unknown })?.Status);
        const wrong = statuses.findIndex((s, i) => (s === 'SUCCESS') === c.broken[i]);
        if (wrong >= 0) {
          problem = {
            rule: 'C-A2',
            message: `result ${wrong} has Status ${String(statuses[wrong])}. Statuses ${JSON.stringify(statuses)}; expected, in entry order: ${JSON.stringify(expected)} (entries with a bad destination fail, the others succeed)${triesNote(sent.tries)}.`,
          };
        }
      }
      return problem ? { exchange, problem } : { exchange };
    },
  });
}
