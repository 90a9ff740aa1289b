/**
 * Test support (not built into dist/): runs the CLI in process with its output captured, as the
 * command tests need it. `io` replaces any part of the default (empty env, empty stdin, no terminal).
 */
import { type CliIo, main } from './main.ts';

export type CapturedRun = { code: number; stdout: string; stderr: string };

export async function runCaptured(args: readonly string[], io: Partial<CliIo> = {}): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
    stdin: [],
    interactive: false,
    ...io,
  });
  return { code, stdout, stderr };
}
