/**
 * The worker thread that checks a run's cases for its rule coverage (`coverage-checker.ts`): it
 * tallies the batches of cases it receives and answers the coverage when told the run is over.
 */
import { parentPort } from 'node:worker_threads';
import type { ConformanceCase } from '../case.ts';
import { CoverageTally } from './run-coverage.ts';

/**
 * A case as the run sent it: the body text, and whether it is the JSON of a generated body (parsed
 * back here) or raw text of the case's own (malformed JSON), checked as text.
 */
export type SentCase = {
  operation: ConformanceCase['operation'];
  contentType?: string;
  text: string;
  json: boolean;
};

export type ToCoverageThread = { cases: SentCase[] } | { done: true };

function asCase({ operation, contentType, text, json }: SentCase): ConformanceCase {
  const sent = { operation, ...(contentType !== undefined ? { contentType } : {}) };
  // `JSON.stringify` of an absent body sends no text: the case had no body.
  if (!json) return { ...sent, text };
  return text === undefined ? sent : { ...sent, body: JSON.parse(text) };
}

const port = parentPort;
if (!port) throw new Error('coverage-worker-entry runs as a worker thread');
const tally = new CoverageTally();
port.on('message', (message: ToCoverageThread) => {
  if ('cases' in message) {
    for (const c of message.cases) tally.count(asCase(c));
    return;
  }
  port.postMessage(tally.coverage());
});
