/**
 * `ses-contract validate [FILE…|-]`: checks request bodies with the rules engine. A file of the
 * example catalog (`{ operation, description, exercises, body }`) is checked as its `body`. Bytes
 * that are not JSON are a request that breaks C-REQ1, checked as the mock checks them (exit 1);
 * exit 2 is for input that cannot be read at all and for bad flags. Advice (ADVISE: SES accepts
 * it, but not as the sender meant) prints as `warning` lines and never changes the exit code.
 */
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { UsageError } from '../../conformance/errors.ts';
import { inferOperation } from '../contract/infer-operation.ts';
import { isJsonObject } from '../contract/json-reading.ts';
import { OPERATIONS, type Operation } from '../contract/operations.ts';
import { checkSendBulkEmail } from '../contract/validate-send-bulk-email.ts';
import { checkSendEmail } from '../contract/validate-send-email.ts';
import { formatViolation, type Violation } from '../contract/violation.ts';
import { readJsonBody } from '../server/json-request-body.ts';
import { type CliIo, EXIT_CODES_HELP, type RegisterCommand } from './main.ts';

type ValidateFlags = { operation?: Operation; strict?: boolean; json?: boolean };

export type Input = { name: string; bytes: Uint8Array };

async function readStdin(io: CliIo): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export async function readInput(file: string, io: CliIo): Promise<Input> {
  if (file === '-') {
    const bytes = await readStdin(io);
    if (bytes.length === 0) {
      throw new UsageError(
        'standard input is empty: pipe a SendEmail or SendBulkEmail request body (JSON) into it, or name a file.',
      );
    }
    return { name: 'standard input', bytes };
  }
  try {
    return { name: file, bytes: await readFile(file) };
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * An example-catalog file wraps the request (`{ operation, description, exercises?, advice?,
 * reports?, body }`); a request body has PascalCase members only (SES's), so an object whose
 * members are all lower-case and include `body` and a known `operation` is a wrapper.
 */
export function unwrapCatalogExample(json: unknown): { body: unknown; operation?: Operation } {
  if (
    isJsonObject(json) &&
    Object.hasOwn(json, 'body') &&
    OPERATIONS.includes(json.operation as Operation) &&
    Object.keys(json).every((key) => /^[a-z]/.test(key))
  ) {
    return { body: json.body, operation: json.operation as Operation };
  }
  return { body: json };
}

/** `advice`: ADVISE findings (SES accepts the request, but not as the sender meant): warnings only. */
type Checked = { name: string; operation: Operation; violations: Violation[]; advice: Violation[] };

function check(input: Input, flags: ValidateFlags): Checked {
  const parsed = readJsonBody(input.bytes);
  if (!parsed.ok) {
    return {
      name: input.name,
      operation: flags.operation ?? 'send-email',
      violations: [parsed.violation],
      advice: [],
    };
  }
  const request = unwrapCatalogExample(parsed.value);
  const operation = flags.operation ?? request.operation ?? inferOperation(request.body);
  const options = { strict: flags.strict ?? false };
  const { violations, advice } =
    operation === 'send-bulk-email'
      ? checkSendBulkEmail(request.body, options)
      : checkSendEmail(request.body, options);
  return { name: input.name, operation, violations, advice };
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function printText(results: readonly Checked[], strict: boolean, io: CliIo): void {
  const several = results.length > 1;
  for (const result of results) {
    const prefix = several ? `${result.name}: ` : '';
    for (const v of result.violations) io.stdout(`${prefix}${formatViolation(v)}\n`);
    for (const v of result.advice) io.stdout(`${prefix}warning ${formatViolation(v)}\n`);
    const warnings = result.advice.length > 0 ? counted(result.advice.length, 'warning') : '';
    if (result.violations.length === 0) {
      io.stdout(
        `${prefix}valid ${result.operation} request${strict ? ' (strict)' : ''}${warnings ? `, ${warnings}` : ''}\n`,
      );
    } else {
      const count = counted(result.violations.length, 'violation');
      io.stdout(`${prefix}${count}${warnings ? `, ${warnings}` : ''} (${result.operation})\n`);
    }
  }
}

function printJson(results: readonly Checked[], io: CliIo): void {
  const view = (r: Checked) => ({
    operation: r.operation,
    valid: r.violations.length === 0,
    violations: r.violations,
    advice: r.advice,
  });
  const json =
    results.length === 1 && results[0]
      ? view(results[0])
      : results.map((r) => ({ file: r.name, ...view(r) }));
  io.stdout(`${JSON.stringify(json, null, 2)}\n`);
}

export const registerValidateCommand: RegisterCommand = (program: Command, io, done) => {
  const command = program
    .command('validate')
    .description('Check SendEmail or SendBulkEmail request bodies against the contract rules.')
    .argument(
      '[files...]',
      "JSON request bodies or example-catalog files ({operation, description, body}); '-' reads standard input",
    )
    .addOption(
      new Option(
        '--operation <name>',
        'which operation the bodies are for (default: the catalog file says, else inferred from the body)',
      ).choices(OPERATIONS),
    )
    .option('--strict', 'also report SHOULD rules', false)
    .option(
      '--json',
      'print the result as JSON (an array with a file member when given several files)',
      false,
    )
    .addHelpText(
      'after',
      `\n${EXIT_CODES_HELP}` +
        '  (validate: a body that is not JSON breaks C-REQ1, exit 1; a file that cannot be read, exit 2;\n' +
        "   advice, printed as 'warning' lines, never changes the exit code)\n\n" +
        'Examples:\n' +
        '  ses-contract validate request.json\n' +
        '  ses-contract validate src/contract/examples/valid/*.json\n' +
        '  echo \'{"Content":{}}\' | ses-contract validate --operation send-email --json -\n',
    );
  command.action(async (files: string[], flags: ValidateFlags) => {
    if (files.length === 0 && io.stdin.isTTY) {
      // Waiting on a terminal for a body nobody is typing looks like a hang; an explicit '-' does wait.
      command.outputHelp({ error: true });
      throw new UsageError('no input: name a FILE, or pipe a request body into standard input.');
    }
    const names = files.length > 0 ? files : ['-'];
    const inputs: Input[] = [];
    const unreadable: string[] = [];
    for (const name of names) {
      try {
        inputs.push(await readInput(name, io));
      } catch (error) {
        // One unreadable file must not hide the results for the others; it still ends the run with 2.
        if (!(error instanceof UsageError) || names.length === 1) throw error;
        unreadable.push(error.message);
      }
    }
    const results = inputs.map((input) => check(input, flags));
    if (flags.json) printJson(results, io);
    else printText(results, flags.strict ?? false, io);
    if (unreadable.length > 0) {
      throw new UsageError(unreadable.length === 1 ? (unreadable[0] as string) : `${unreadable.join('; ')}`);
    }
    done(results.every((r) => r.violations.length === 0) ? 0 : 1);
  });
};
