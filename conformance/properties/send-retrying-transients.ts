/**
 * C-A2: a transient answer to a valid case is not final. Real SES answered `FAILED` ("Unknown
 * error occurred. Please try again later") for well-formed bulk entries, and any service may answer
 * 429 or 503 under load. Such a case is re-sent a bounded number of times, with a short backoff,
 * and checked on its last answer. `INVALID_PARAMETER` or `MESSAGE_REJECTED` on a valid entry is an
 * answer, not a hiccup: never retried.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConformanceCase } from '../case.ts';
import type { Exchange } from '../transport/exchange.ts';
import type { PropertyContext } from './property.ts';

/** The BulkEmailStatus values that mean "try again", not "this entry is wrong". */
export const TRANSIENT_ENTRY_STATUSES: readonly string[] = [
  'FAILED',
  'TRANSIENT_FAILURE',
  'ACCOUNT_THROTTLED',
  'ACCOUNT_DAILY_QUOTA_EXCEEDED',
];
const TRANSIENT_HTTP_STATUSES = [429, 503];

/** Re-sends after the first answer; the backoff doubles from BACKOFF_MS. */
export const MAX_RETRIES = 3;
const BACKOFF_MS = 50;

/**
 * Is this answer to a case a transient one? `validEntry(i)` says which bulk entries are valid (all,
 * unless the case mixes in broken ones); only a transient status on a valid entry counts.
 */
export function isTransient(
  exchange: Exchange,
  validEntry: (index: number) => boolean = () => true,
): boolean {
  const response = exchange.response;
  if (!response) return false;
  if (TRANSIENT_HTTP_STATUSES.includes(response.status)) return true;
  if (response.status !== 200) return false;
  const results = (response.json as { BulkEmailEntryResults?: unknown } | undefined)?.BulkEmailEntryResults;
  if (!Array.isArray(results)) return false;
  return results.some((r, i) => {
    const status = (r as { Status?: unknown } | null)?.Status;
    return validEntry(i) && typeof status === 'string' && TRANSIENT_ENTRY_STATUSES.includes(status);
  });
}

/** The exchange a valid case is checked on, and how many times it was sent. */
export type RetriedExchange = { exchange: Exchange; tries: number };

/** Sends a valid case, re-sending it while the answer is transient (at most MAX_RETRIES times). */
export async function sendRetryingTransients(
  context: PropertyContext,
  c: ConformanceCase,
  validEntry?: (index: number) => boolean,
): Promise<RetriedExchange> {
  let exchange = await context.send(c);
  let tries = 1;
  while (tries <= MAX_RETRIES && isTransient(exchange, validEntry)) {
    await sleep(BACKOFF_MS * 2 ** (tries - 1));
    exchange = await context.send(c);
    tries += 1;
  }
  return { exchange, tries };
}

/** " (judged on the last of 4 tries: the earlier answers were transient)", or nothing. */
export function triesNote(tries: number): string {
  return tries > 1 ? ` (judged on the last of ${tries} tries: the earlier answers were transient, C-A2)` : '';
}
