/**
 * Starts aws-ses-v2-local (an installed devDependency, nothing is fetched) as a child process on a
 * free loopback port. A child rather than in process: its Raw handler is an un-awaited async
 * function, so a parser error would be an unhandled rejection that takes the whole process down,
 * and a crash there must show up as a dead target in the report, not as a dead runner.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type RunningEmulator = { url: string; version: string; close(): Promise<void> };

const PACKAGE = 'aws-ses-v2-local';

export function emulatorPackage(): { cli: string; version: string } {
  const manifestPath = createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    version: string;
    bin: Record<string, string>;
  };
  const bin = manifest.bin[PACKAGE];
  if (!bin) throw new Error(`${PACKAGE} ${manifest.version} declares no ${PACKAGE} binary`);
  return { cli: join(dirname(manifestPath), bin), version: manifest.version };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resolves once the emulator prints its address; rejects (and kills it) after `timeoutMs`. */
export async function startAwsSesV2Local(options: { timeoutMs?: number } = {}): Promise<RunningEmulator> {
  const { cli, version } = emulatorPackage();
  const timeoutMs = options.timeoutMs ?? 15_000;
  // Without these the emulator neither relays mail over SMTP nor fails templates on missing data.
  const { SMTP_TRANSPORT: _smtp, AWS_SES_STRICT_TEMPLATE_RENDERING: _strict, ...env } = process.env;
  const child = spawn(process.execPath, [cli, '--host', '127.0.0.1', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let started = false;
  const port = await new Promise<number>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop(child);
      reject(new Error(`${PACKAGE} did not start: ${why}. Output: ${output.slice(-2000) || '(none)'}`));
    };
    const timer = setTimeout(() => fail(`no address printed within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /server running at http:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match) {
        started = true;
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        // Keep draining so a chatty emulator never blocks on a full pipe.
        child.stdout?.resume();
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (!started) output += chunk.toString('utf8');
    });
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`})`));
  });
  child.removeAllListeners('exit');
  return { url: `http://127.0.0.1:${port}`, version, close: () => stop(child) };
}
