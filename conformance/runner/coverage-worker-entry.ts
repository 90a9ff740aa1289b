/**
 * The worker thread that judges a run's cases for its rule coverage (`coverage-judge.ts`): it
 * tallies the batches of cases it receives and answers the coverage when told the run is over.
 */
import { parentPort } from 'node:worker_threads';
import type { ConformanceCase } from '../case.ts';
import { CoverageTally } from './run-coverage.ts';

export type ToCoverageThread = { cases: ConformanceCase[] } | { done: true };

const port = parentPort;
if (!port) throw new Error('coverage-worker-entry runs as a worker thread');
const tally = new CoverageTally();
port.on('message', (message: ToCoverageThread) => {
  if ('cases' in message) {
    for (const c of message.cases) tally.judge(c);
    return;
  }
  port.postMessage(tally.coverage());
});
