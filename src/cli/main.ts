/**
 * `ses-contract <command>`: the only place that parses argv, prints and picks exit codes.
 * Exit codes across commands: 0 success, 1 the contract is broken (invalid input, failed
 * property), 2 bad usage or unreadable input / unreachable target.
 */
import { Command, CommanderError } from 'commander';
import { registerConformCommand } from './conform-command.ts';
import { registerMockCommand } from './mock-command.ts';
import { registerValidateCommand } from './validate-command.ts';

export type ExitCode = 0 | 1 | 2;

/** What a command module adds to the program; it reports its exit code through `done`. */
export type RegisterCommand = (program: Command, done: (code: ExitCode) => void) => void;

export async function main(argv: readonly string[]): Promise<number> {
  let code: ExitCode = 0;
  const program = new Command('ses-contract')
    .description('Contract-test the Amazon SES v2 SendEmail / SendBulkEmail API: validate, mock, conform.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(text.split('\n')[0] ? `${text.split('\n')[0]}\n` : text),
    });
  const done = (result: ExitCode) => {
    code = result;
  };
  for (const register of [registerValidateCommand, registerMockCommand, registerConformCommand]) {
    register(program, done);
  }
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return code;
}
