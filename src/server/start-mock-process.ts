/**
 * The reference mock in a child process: the conformance runner's embedded target. Generating,
 * sending and judging cases already keeps one core busy; the mock answering from the same event
 * loop would halve the rate, so it gets a process (and a core) of its own.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StartMockServerOptions } from './start-mock-server.ts';

export type MockProcessOptions = Omit<StartMockServerOptions, 'wrap' | 'validators' | 'nextId' | 'onMessage'>;

export type RunningMockProcess = { url: string; pid: number; close(): Promise<void> };

const START_TIMEOUT_MS = 15_000;

/**
 * From the sources (a checkout) the entry is TypeScript and needs tsx's loader; from the compiled
 * package it is JS and needs none (tsx is a devDependency, absent from an install).
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * The loader as an absolute URL resolved from this file: a bare `--import tsx` would be resolved
 * from the child's cwd and fail anywhere outside the checkout.
 */
function tsxLoader(): string {
  return import.meta.resolve('tsx');
}

export function startMockProcess(options: MockProcessOptions): Promise<RunningMockProcess> {
  const entry = fileURLToPath(new URL(`./mock-process-entry.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));
  const child = fork(entry, [], {
    execArgv: FROM_SOURCE ? ['--import', tsxLoader()] : [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      if (child.connected) child.disconnect();
      setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the reference mock did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('message', (message: { url?: string; error?: string }) => {
      clearTimeout(timer);
      if (message.url) resolve({ url: message.url, pid: child.pid ?? -1, close });
      else reject(new Error(`the reference mock did not start: ${message.error ?? 'no reason given'}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the reference mock exited (code ${code}) before it listened`));
    });
    child.send(options);
  });
}
