/** `ses-contract mock`: the reference mock server on node:http, until SIGINT or SIGTERM. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../../conformance/errors.ts';
import { startMockServer } from '../server/start-mock-server.ts';
import { integerIn } from './integer-option.ts';
import { listenOptions } from './listen-options.ts';
import type { RegisterCommand } from './main.ts';
import { loadTemplateDirectory } from './template-directory.ts';

type MockFlags = {
  port: number;
  host: string;
  profile: 'documented' | 'aws';
  latency: number;
  seed?: number;
  templates?: string;
  strict?: boolean;
  identities?: string[];
  region: string;
  sandbox?: boolean;
  maxSendRate?: number;
  dailyQuota?: number;
  failRate?: number;
};

/** `a@x.com,example.org` → its identities; an empty one or one that is neither address nor domain is a usage error. */
function identityList(value: string): string[] {
  const identities = value.split(',').map((identity) => identity.trim());
  for (const identity of identities) {
    if (
      !/^[^\s@,]+@[^\s@,]+\.[^\s@,]+$|^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(
        identity,
      )
    ) {
      throw new InvalidArgumentError(
        `${JSON.stringify(identity)} is neither an address (name@example.com) nor a domain (example.com).`,
      );
    }
  }
  return identities;
}

function fraction(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError('--fail-rate must be a number from 0 to 1.');
  }
  return n;
}

function regionName(value: string): string {
  if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(value)) {
    throw new InvalidArgumentError('--region must be an AWS region name such as us-east-1.');
  }
  return value;
}

export const registerMockCommand: RegisterCommand = (program: Command, io, done) => {
  const [port, host, profile] = listenOptions(4010, 'wire format of answers (spec/RULES.md section 1)');
  program
    .command('mock')
    .description(
      'Run the reference mock of SendEmail / SendBulkEmail: every request is checked against the MUST rules ' +
        '(and the SHOULD rules with --strict), accepted messages are kept in an inbox.',
    )
    .addOption(port)
    .addOption(host)
    .addOption(profile)
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
    .option('--strict', 'also refuse requests that break a SHOULD rule (default: MUST rules only, as SES)')
    .option(
      '--identities <list>',
      'verified identities, comma-separated addresses and domains; an unverified From gets 400 MessageRejected ' +
        '(default: every identity is verified)',
      identityList,
    )
    .option('--region <name>', 'region named in identity errors and in /_aws/ses', regionName, 'us-east-1')
    .option(
      '--sandbox',
      'recipients must be verified or mailbox-simulator addresses; sandbox quotas (1/s, 200/24 h) unless set below',
    )
    .addOption(
      new Option(
        '--max-send-rate <n>',
        'recipients per second; over it, 429 TooManyRequestsException',
      ).argParser(integerIn('--max-send-rate', 1, 1_000_000_000)),
    )
    .addOption(
      new Option(
        '--daily-quota <n>',
        'recipients per 24 hours; over it, 429 "Daily message quota exceeded."',
      ).argParser(integerIn('--daily-quota', 1, 1_000_000_000)),
    )
    .option(
      '--fail-rate <p>',
      'answer this fraction (0-1) of accepted sends with 429 or 503 at random (reproducible with --seed)',
      fraction,
    )
    .addHelpText(
      'after',
      '\nEndpoints:\n' +
        '  POST /v2/email/outbound-emails        SendEmail\n' +
        '  POST /v2/email/outbound-bulk-emails   SendBulkEmail\n' +
        '  GET  /_mock                           HTML inbox of accepted messages\n' +
        '  GET|DELETE /_mock/messages            the inbox as JSON, newest first / empty it\n' +
        '  GET|DELETE /_aws/ses[?id=&email=]     the store as LocalStack serves it / empty it\n' +
        '  GET /store[?since=], POST /clear-store the store as aws-ses-v2-local serves it / empty it\n' +
        '\nForced errors: send the header "Prefer: error=<ErrorType>" (e.g. error=SendingPausedException).\n' +
        '\nExit codes: 0 stopped by SIGINT/SIGTERM, 2 bad flags or the port cannot be used, 3 a bug in ses-contract.\n' +
        '\nExamples:\n' +
        '  ses-contract mock\n' +
        '  ses-contract mock --profile aws --port 0 --seed 42\n' +
        '  ses-contract mock --identities sender@example.com,example.org --sandbox --max-send-rate 1\n' +
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
          strict: flags.strict ?? false,
          region: flags.region,
          sandbox: flags.sandbox ?? false,
          ...(flags.identities && { identities: flags.identities }),
          ...(flags.maxSendRate !== undefined && { maxSendRate: flags.maxSendRate }),
          ...(flags.dailyQuota !== undefined && { dailyQuota: flags.dailyQuota }),
          ...(flags.failRate !== undefined && { failRate: flags.failRate }),
        });
      } catch (error) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        throw new UsageError(`cannot listen on ${flags.host}:${flags.port}: ${(error as Error).message}`);
      }
      io.stdout(
        `ses-contract mock (${flags.profile} profile${flags.strict ? ', strict' : ''}${flags.sandbox ? ', sandbox' : ''}) listening on ${server.url}\n`,
      );
      io.stdout(`inbox: ${server.url}/_mock\n`);
      if (templates) io.stdout(`templates: ${templates.names.join(', ')}\n`);
      if (flags.identities)
        io.stdout(`verified identities (${flags.region}): ${flags.identities.join(', ')}\n`);
      const signal = await stopSignal;
      process.off(signal === 'SIGINT' ? 'SIGTERM' : 'SIGINT', onSignal);
      await server.close();
      io.stdout(`mock: stopped (${signal})\n`);
      done(0);
    });
};
