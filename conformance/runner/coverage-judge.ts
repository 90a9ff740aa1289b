/**
 * Where a run judges its cases for the rule coverage. Judging costs the runner's thread about as
 * much CPU as generating and sending the case, and that thread is what limits a run's rate (the
 * embedded target has a process, and a core, of its own): a long run hands its cases to a worker
 * thread (`coverage-worker-entry.ts`) in batches while the main thread goes on generating and
 * sending. A short run judges them itself: starting the thread (loading the engine again) costs
 * more than it saves under about a thousand cases. The counts are sums over the cases, so which
 * thread judges a case, and when, changes no number.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConformanceCase } from '../case.ts';
import { InternalError } from '../errors.ts';
import type { SentCase, ToCoverageThread } from './coverage-worker-entry.ts';
import { CoverageTally, type RunCoverage } from './run-coverage.ts';

export type CoverageJudge = {
  readonly where: 'thread' | 'inline';
  /** A case the run sent, with its body as sent (`caseBodyText`). */
  record(c: ConformanceCase, bodyText: string): void;
  /** The coverage of every case recorded; call once, when no more cases come. */
  coverage(): Promise<RunCoverage>;
  /** Stops the thread, if any (a run that ends with an error never asks for its coverage). */
  close(): void;
};

/** Expected cases from which a run judges in a worker thread. */
export const THREAD_FROM_CASES = 1000;

export function coverageJudge(expectedCases: number): CoverageJudge {
  return expectedCases >= THREAD_FROM_CASES ? coverageThread() : inlineCoverage();
}

export function inlineCoverage(): CoverageJudge {
  const tally = new CoverageTally();
  return {
    where: 'inline',
    record: (c) => tally.record(c),
    coverage: async () => tally.coverage(),
    close() {},
  };
}

/**
 * From the sources (a checkout) the entry is TypeScript: the thread registers tsx's loader itself
 * (Node 20 passes no `--import` to a worker), resolved from this file, never from the cwd.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function startWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(fileURLToPath(new URL('./coverage-worker-entry.js', import.meta.url)));
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./coverage-worker-entry.ts', import.meta.url).href);
  return new Worker(`import(${api}).then(({ register }) => { register(); return import(${entry}); });`, {
    eval: true,
  });
}

/**
 * What the thread needs to judge a case: its body goes as the text that was sent, which the
 * thread parses back. Copying a string to the thread is a memory copy; a structured clone of the
 * body cost the main thread about a tenth of its time. The parsed text is the body the target
 * read, and the body as generated up to what no rule reads (its objects' prototype).
 */
function sentCase(c: ConformanceCase, bodyText: string): SentCase {
  return {
    operation: c.operation,
    ...(c.contentType !== undefined ? { contentType: c.contentType } : {}),
    text: bodyText,
    json: c.text === undefined,
  };
}

const BATCH_CASES = 128;
const BATCH_MS = 50;

export function coverageThread(): CoverageJudge {
  const worker = startWorker();
  // The thread never keeps the process alive on its own: a run that ends with an error leaves it.
  worker.unref();
  let failure: Error | undefined;
  let onFailure: ((error: Error) => void) | undefined;
  const fail = (error: Error) => {
    failure ??= new InternalError(`the rule-coverage thread failed: ${error.message}`, { cause: error });
    onFailure?.(failure);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`it exited with code ${code}`)));
  let batch: SentCase[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (batch.length === 0 || failure) return;
    worker.postMessage({ cases: batch } satisfies ToCoverageThread);
    batch = [];
  };
  return {
    where: 'thread',
    record(c, bodyText) {
      batch.push(sentCase(c, bodyText));
      // Each message costs the main thread far more than its bytes (about a millisecond on a busy
      // machine, measured): few large batches, and the thread is never more than one behind.
      if (batch.length >= BATCH_CASES) flush();
      else timer ??= setTimeout(flush, BATCH_MS);
    },
    coverage() {
      flush();
      return new Promise<RunCoverage>((resolve, reject) => {
        if (failure) return reject(failure);
        onFailure = reject;
        worker.ref();
        worker.once('message', (coverage: RunCoverage) => {
          onFailure = undefined;
          resolve(coverage);
          void worker.terminate();
        });
        worker.postMessage({ done: true } satisfies ToCoverageThread);
      });
    },
    close() {
      failure ??= new InternalError('the rule-coverage thread failed: it was stopped');
      onFailure = undefined;
      void worker.terminate();
    },
  };
}
