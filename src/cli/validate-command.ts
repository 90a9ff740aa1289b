/** `ses-contract validate [FILE|-]`: checks one request body with the rules engine. */
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { inferOperation, type Operation } from '../contract/infer-operation.ts';
import { validateSendBulkEmail } from '../contract/validate-send-bulk-email.ts';
import { validateSendEmail } from '../contract/validate-send-email.ts';
import { formatViolation } from '../contract/violation.ts';
import type { RegisterCommand } from './main.ts';

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

type ValidateFlags = { operation?: Operation; strict?: boolean; json?: boolean };

export const registerValidateCommand: RegisterCommand = (program: Command, done) => {
  program
    .command('validate')
    .description('Check a SendEmail or SendBulkEmail request body against the contract rules.')
    .argument('[file]', "JSON request body; '-' or nothing reads standard input", '-')
    .addOption(
      new Option(
        '--operation <name>',
        'which operation the body is for (default: inferred from the body)',
      ).choices(['send-email', 'send-bulk-email']),
    )
    .option('--strict', 'also report SHOULD rules', false)
    .option('--json', 'print the violations as JSON', false)
    .addHelpText(
      'after',
      '\nExit codes: 0 valid, 1 invalid, 2 unreadable input or bad flags.\n\nExamples:\n' +
        '  ses-contract validate request.json\n' +
        '  echo \'{"Content":{}}\' | ses-contract validate --operation send-email --json -\n',
    )
    .action(async (file: string, flags: ValidateFlags) => {
      let body: unknown;
      try {
        body = JSON.parse(await readInput(file));
      } catch (error) {
        console.error(
          `validate: cannot read ${file === '-' ? 'standard input' : file}: ${(error as Error).message}`,
        );
        done(2);
        return;
      }
      const operation = flags.operation ?? inferOperation(body);
      const options = { strict: flags.strict ?? false };
      const violations =
        operation === 'send-bulk-email'
          ? validateSendBulkEmail(body, options)
          : validateSendEmail(body, options);
      if (flags.json) {
        console.log(JSON.stringify({ operation, valid: violations.length === 0, violations }, null, 2));
      } else if (violations.length === 0) {
        console.log(`valid ${operation} request${options.strict ? ' (strict)' : ''}`);
      } else {
        for (const v of violations) console.log(formatViolation(v));
        console.log(`${violations.length} violation${violations.length === 1 ? '' : 's'} (${operation})`);
      }
      done(violations.length === 0 ? 0 : 1);
    });
};
