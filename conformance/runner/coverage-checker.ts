/**
 * Where a run checks its cases for the rule coverage. Checking costs the runner's main thread a
 * third to a quarter of its CPU, and that thread limits a run's rate when there is CPU to spare:
 * a long run on a machine with three cores or more hands its cases to a worker thread
 * (`coverage-worker-entry.ts`) in batches while the main thread goes on generating and sending.
 *
 * Otherwise the run checks them itself. The thread costs CPU of its own: about a second to start
 * (a second V8 isolate loading and compiling the engine, from the sources through tsx), and per
 * case the copy and parse of its body. Measured on 2 cores shared with the embedded mock (`npm
 * start`'s 5,983 cases): the thread took the main thread from 1.25-1.64 to 0.98-1.44 ms per case
 * but the runner's total from 1.81-2.38 to 2.28-3.22 ms per case; on 2 cores, where the runner
 * and the target together use them all, the total decides. Under a thousand cases the start alone
 * costs more than the thread saves. The counts are sums over the cases, so which thread checks a
 * case, and when, changes no number.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ConformanceCase, caseBodyText } from '../case.ts';
import { InternalError } from '../errors.ts';
import type { SentCase, ToCoverageThread } from './coverage-worker-entry.ts';
import { CoverageTally, type RunCoverage } from './run-coverage.ts';

export type CoverageChecker = {
  readonly where: 'thread' | 'inline';
  /** A case the run sends (recorded before it goes out, so inline checking overlaps the exchange). */
  record(c: ConformanceCase): void;
  /** The coverage of every case recorded; call once, when no more cases come. */
  coverage(): Promise<RunCoverage>;
  /** Stops the thread, if any (a run that ends with an error never asks for its coverage). */
  close(): void;
};

/** Expected cases from which a run checks in a worker thread. */
export const THREAD_FROM_CASES = 1000;
/** Cores from which it does: one for the main thread, one for the checker, one for a local target. */
export const THREAD_FROM_CORES = 3;

export function coverageChecker(expectedCases: number, cores = availableParallelism()): CoverageChecker {
  return expectedCases >= THREAD_FROM_CASES && cores >= THREAD_FROM_CORES
    ? coverageThread()
    : inlineCoverage();
}

export function inlineCoverage(): CoverageChecker {
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
 * What the thread needs to check a case: its body goes as the text that was sent, which the
 * thread parses back. Copying a string to the thread is a memory copy; a structured clone of the
 * body cost the main thread about a tenth of its time. The parsed text is the body the target
 * read, and the body as generated up to what no rule reads (its objects' prototype).
 */
function sentCase(c: ConformanceCase): SentCase {
  return {
    operation: c.operation,
    ...(c.contentType !== undefined ? { contentType: c.contentType } : {}),
    // Serialized once: by the time a batch goes, sending the case has already made this text.
    text: caseBodyText(c),
    json: c.text === undefined,
  };
}

const BATCH_CASES = 128;
const BATCH_MS = 50;

export function coverageThread(): CoverageChecker {
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
  let batch: ConformanceCase[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (batch.length === 0 || failure) return;
    worker.postMessage({ cases: batch.map(sentCase) } satisfies ToCoverageThread);
    batch = [];
  };
  return {
    where: 'thread',
    record(c) {
      batch.push(c);
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
