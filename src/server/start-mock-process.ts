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

export function startMockProcess(options: MockProcessOptions): Promise<RunningMockProcess> {
  // From the sources the entry is TypeScript and needs tsx; from the compiled package it is JS.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(`./mock-process-entry.${fromSource ? 'ts' : 'js'}`, import.meta.url));
  const child = fork(entry, [], {
    execArgv: fromSource ? ['--import', 'tsx'] : [],
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
