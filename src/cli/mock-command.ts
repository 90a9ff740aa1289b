/** `ses-contract mock`: the reference mock server on node:http, until SIGINT or SIGTERM. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../../conformance/errors.ts';
import { startMockServer } from '../server/start-mock-server.ts';
import type { RegisterCommand } from './main.ts';
import { loadTemplateDirectory } from './template-directory.ts';

type MockFlags = {
  port: number;
  host: string;
  profile: 'documented' | 'aws';
  latency: number;
  seed?: number;
  templates?: string;
};

function integerIn(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

export const registerMockCommand: RegisterCommand = (program: Command, io, done) => {
  program
    .command('mock')
    .description(
      'Run the reference mock of SendEmail / SendBulkEmail: every request is checked against all contract rules ' +
        '(strict), accepted messages are kept in an inbox.',
    )
    .addOption(
      new Option('--port <n>', 'TCP port; 0 picks a free one')
        .default(4010)
        .argParser(integerIn('--port', 0, 65535)),
    )
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .addOption(
      new Option('--profile <name>', 'wire format of answers (spec/RULES.md section 1)')
        .choices(['documented', 'aws'])
        .default('documented'),
    )
    .addOption(
      new Option('--latency <ms>', 'delay added to every send answer')
        .default(0)
        .argParser(integerIn('--latency', 0, 60_000)),
    )
    .addOption(
      new Option('--seed <n>', 'same seed and requests give the same ids and timestamps').argParser(
        integerIn('--seed', 0, 0xffffffff),
      ),
    )
    .option(
      '--templates <dir>',
      'stored templates: DIR/NAME.json = {"Subject","Text","Html"} (Handlebars, rendered as SES does)',
    )
    .addHelpText(
      'after',
      '\nEndpoints:\n' +
        '  POST /v2/email/outbound-emails        SendEmail\n' +
        '  POST /v2/email/outbound-bulk-emails   SendBulkEmail\n' +
        '  GET  /_mock                           HTML inbox of accepted messages\n' +
        '  GET|DELETE /_mock/messages            the inbox as JSON, newest first / empty it\n' +
        '\nExit codes: 0 stopped by SIGINT/SIGTERM, 2 bad flags or the port cannot be used, 3 a bug in ses-contract.\n' +
        '\nExamples:\n' +
        '  ses-contract mock\n' +
        '  ses-contract mock --profile aws --port 0 --seed 42\n' +
        "  curl -s localhost:4010/v2/email/outbound-emails -H 'content-type: application/json' \\\n" +
        '    -d \'{"FromEmailAddress":"sender@example.com","Destination":{"ToAddresses":["a@example.com"]},' +
        '"Content":{"Simple":{"Subject":{"Data":"Hi"},"Body":{"Text":{"Data":"Hello"}}}}}\'\n',
    )
    .action(async (flags: MockFlags) => {
      // A malformed template stops the start (exit 2, naming the file), before anything listens.
      const templates =
        flags.templates === undefined ? undefined : await loadTemplateDirectory(flags.templates);
      // Listen for signals before announcing the URL, so a caller that stops us right away is heard.
      let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
      const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
        onSignal = resolve;
      });
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let server: Awaited<ReturnType<typeof startMockServer>>;
      try {
        server = await startMockServer({
          profile: flags.profile,
          port: flags.port,
          host: flags.host,
          latencyMs: flags.latency,
          ...(flags.seed !== undefined && { seed: flags.seed }),
          ...(templates && { templates }),
        });
      } catch (error) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        throw new UsageError(`cannot listen on ${flags.host}:${flags.port}: ${(error as Error).message}`);
      }
      io.stdout(`ses-contract mock (${flags.profile} profile) listening on ${server.url}\n`);
      io.stdout(`inbox: ${server.url}/_mock\n`);
      if (templates) io.stdout(`templates: ${templates.names.join(', ')}\n`);
      const signal = await stopSignal;
      process.off(signal === 'SIGINT' ? 'SIGTERM' : 'SIGINT', onSignal);
      await server.close();
      io.stdout(`mock: stopped (${signal})\n`);
      done(0);
    });
};
