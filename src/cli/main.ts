/**
 * `ses-contract <command>`: the only place that parses argv and turns how a command ended into an
 * exit code. Commands return 0 or 1 and throw the kinds in `conformance/errors.ts` for the rest;
 * anything else thrown is a defect of ses-contract itself.
 */
import { Command, CommanderError } from 'commander';
import { InternalError, TargetUnreachableError, UsageError } from '../../conformance/errors.ts';
import { registerConformCommand } from './conform-command.ts';
import { registerMockCommand } from './mock-command.ts';
import { registerProxyCommand } from './proxy-command.ts';
import { registerRenderCommand } from './render-command.ts';
import { registerReportCommand } from './report-command.ts';
import { registerValidateCommand } from './validate-command.ts';

/** 0 success; 1 the contract is broken (invalid request, failed property); 2 usage; 3 our bug. */
export type ExitCode = 0 | 1 | 2 | 3;

export const EXIT_CODES_HELP =
  'Exit codes:\n' +
  '  0  success: the request is valid / the implementation is conformant\n' +
  '  1  the contract is broken: an invalid request (validate) or a failed property (conform)\n' +
  '  2  bad usage, unreadable input, or a target that cannot be reached (one line says why)\n' +
  '  3  a bug in ses-contract itself (one line; the stack with --debug)\n';

/** Where a command reads and writes; tests pass their own to capture output. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  stdin: (AsyncIterable<Buffer | string> | Iterable<Buffer | string>) & { isTTY?: boolean };
  /** Both stdout and stderr are a terminal (progress lines then stand in for the report's table). */
  interactive: boolean;
};

export const processIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdin: process.stdin,
  interactive: Boolean(process.stdout.isTTY && process.stderr.isTTY),
});

/** What a command module adds to the program; it reports its exit code through `done`. */
export type RegisterCommand = (program: Command, io: CliIo, done: (code: 0 | 1) => void) => void;

function exitCodeOf(error: unknown, command: string, debug: boolean, io: CliIo): ExitCode {
  const firstLine = (error as Error)?.message?.split('\n')[0] ?? String(error);
  if (error instanceof UsageError || error instanceof TargetUnreachableError) {
    io.stderr(`${command}: ${firstLine}\n`);
    return 2;
  }
  const what =
    error instanceof InternalError
      ? firstLine
      : `unexpected ${String((error as Error)?.name ?? 'error')}: ${firstLine}`;
  io.stderr(
    `ses-contract ${command}: internal error: ${what}. This is a bug in ses-contract; please report it` +
      `${debug ? '.' : ' (run again with --debug for the stack).'}\n`,
  );
  if (debug) {
    io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
    const cause = (error as Error)?.cause;
    if (cause instanceof Error) io.stderr(`caused by: ${cause.stack ?? cause.message}\n`);
  }
  return 3;
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  let code: ExitCode = 0;
  let command = 'ses-contract';
  const program = new Command('ses-contract')
    .description('Contract-test the Amazon SES v2 SendEmail / SendBulkEmail API: validate, mock, conform.')
    .version('0.1.0')
    .option('--debug', 'on an internal error, print its stack', false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // A usage error is one line, hint included.
      outputError: (text, write) => write(`${text.trimEnd()} (see --help)\n`),
    })
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .hook('preAction', (_program, action) => {
      // A nested command is named in full (`report merge`), as its own messages name it.
      const names: string[] = [];
      for (let at: Command | null = action; at && at !== program; at = at.parent) names.unshift(at.name());
      command = names.join(' ');
    });
  const done = (result: 0 | 1) => {
    code = result;
  };
  for (const register of [
    registerValidateCommand,
    registerMockCommand,
    registerConformCommand,
    registerProxyCommand,
    registerRenderCommand,
    registerReportCommand,
  ]) {
    register(program, io, done);
  }
  for (const sub of program.commands) {
    sub.exitOverride().configureOutput(program.configureOutput());
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    return exitCodeOf(error, command, program.opts<{ debug: boolean }>().debug, io);
  }
  return code;
}
