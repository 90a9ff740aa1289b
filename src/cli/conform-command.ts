/**
 * `ses-contract conform`: property-based conformance run against `--base-url`, or against the
 * embedded reference mock on a free port when none is given (`npm start`). Progress goes to
 * stderr, the report to stdout or `--output`, failures to the replay file.
 * Exit codes: 0 conformant, 1 a property failed, 2 bad usage or the target cannot be reached.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { OPERATION_PATHS } from '../../conformance/case.ts';
import { jsonReport } from '../../conformance/reporters/json-reporter.ts';
import { junitReport } from '../../conformance/reporters/junit-reporter.ts';
import { prettyReport, progressLine } from '../../conformance/reporters/pretty-reporter.ts';
import { parseOnly } from '../../conformance/runner/property-filter.ts';
import { defaultSeed } from '../../conformance/runner/property-seed.ts';
import { type CommandContext, DEFAULT_SIGNING_REGION } from '../../conformance/runner/replay-command.ts';
import { replayFailures } from '../../conformance/runner/replay-failures.ts';
import { DEFAULT_REPLAY_FILE, parseReplayFile, replayFileOf } from '../../conformance/runner/replay-file.ts';
import {
  type ConformanceReport,
  runConformance,
  selectedDefinitions,
} from '../../conformance/runner/run-conformance.ts';
import { safeText } from '../../conformance/runner/safe-text.ts';
import { signFailureRequests } from '../../conformance/runner/signed-failures.ts';
import { statusNoteLine, unexpectedStatuses } from '../../conformance/runner/unexpected-statuses.ts';
import { sigv4Signer, sigv4Transport } from '../../conformance/transport/sigv4-transport.ts';
import { httpTransport, type Transport } from '../../conformance/transport/transport.ts';
import { validateSendEmail } from '../contract/validate-send-email.ts';
import { startMockProcess } from '../server/start-mock-process.ts';
import type { ExitCode, RegisterCommand } from './main.ts';

export type ConformFlags = {
  baseUrl?: string;
  profile: 'documented' | 'aws';
  runs: number;
  seed?: number;
  strict: boolean;
  only?: string;
  path?: string;
  from: string;
  timeoutMs: number;
  concurrency: number;
  reporter: 'pretty' | 'json' | 'junit';
  output?: string;
  replay?: string;
  /** SigV4-sign every request with dummy credentials (`--sign`). */
  sign?: boolean;
  /** Signing region for `--sign`. */
  region?: string;
};

export type ConformIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
};

function integerIn(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

/** The sender must itself be a valid address, or every valid case would be invalid. */
function senderProblem(from: string): string | undefined {
  if (!/^[\x21-\x7e]+$/.test(from)) return 'use a plain ASCII address such as sender@example.com';
  const violations = validateSendEmail(
    {
      FromEmailAddress: from,
      Destination: { ToAddresses: ['a@example.com'] },
      Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } },
    },
    { strict: true },
  );
  return violations[0] ? `${violations[0].rule}: ${violations[0].message}` : undefined;
}

/** Any HTTP answer at all means the target is there; only a network error or a timeout does not. */
async function reachability(
  transport: Transport,
  baseUrl: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const url = `${new URL(baseUrl).origin}${new URL(baseUrl).pathname.replace(/\/$/, '')}${OPERATION_PATHS['send-email']}`;
  try {
    const response = await transport(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(timeoutMs),
      }),
    );
    await response.arrayBuffer();
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (error as Error).message;
  }
}

function render(report: ConformanceReport, flags: ConformFlags, context: CommandContext): string {
  if (flags.reporter === 'json') return jsonReport(report, context);
  if (flags.reporter === 'junit') return junitReport(report, context);
  return prettyReport(report, context);
}

export async function runConformCommand(flags: ConformFlags, io: ConformIo): Promise<ExitCode> {
  const problem = senderProblem(flags.from);
  if (problem) {
    io.stderr(`conform: --from ${safeText(flags.from)} is not a valid sender address (${problem}).\n`);
    return 2;
  }
  if (flags.baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(flags.baseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      io.stderr(`conform: --base-url ${safeText(flags.baseUrl)} is not an http(s) URL.\n`);
      return 2;
    }
  }
  const region = flags.region ?? DEFAULT_SIGNING_REGION;
  if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(region)) {
    io.stderr(`conform: --region ${safeText(region)} is not an AWS region name such as us-east-1.\n`);
    return 2;
  }
  const seed = flags.seed ?? defaultSeed(io.env);
  const only = parseOnly(flags.only);
  if (!flags.replay) {
    const selected = selectedDefinitions({
      profile: flags.profile,
      strict: flags.strict,
      from: flags.from,
      only,
    });
    if (selected.length === 0) {
      io.stderr(
        `conform: --only ${safeText(flags.only ?? '')} selects no property (run with --reporter json to list them).\n`,
      );
      return 2;
    }
    if (flags.path && selected.length !== 1) {
      io.stderr(
        `conform: --path replays one property; --only selects ${selected.length}. Pass the property's full name.\n`,
      );
      return 2;
    }
  }
  let replayInput: ReturnType<typeof parseReplayFile> | undefined;
  if (flags.replay) {
    let text: string;
    try {
      text = await readFile(flags.replay, 'utf8');
    } catch (error) {
      io.stderr(`conform: cannot read --replay ${flags.replay}: ${(error as Error).message}\n`);
      return 2;
    }
    replayInput = parseReplayFile(text);
    if (typeof replayInput === 'string') {
      io.stderr(`conform: --replay ${flags.replay} is ${replayInput}.\n`);
      return 2;
    }
  }
  const profile = typeof replayInput === 'object' ? replayInput.profile : flags.profile;
  let embedded: Awaited<ReturnType<typeof startMockProcess>> | undefined;
  if (flags.baseUrl === undefined) {
    try {
      embedded = await startMockProcess({ profile, port: 0 });
    } catch (error) {
      io.stderr(`conform: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const baseUrl = flags.baseUrl ?? (embedded as NonNullable<typeof embedded>).url;
  // A replay signs as the recorded run did, unless --sign says otherwise.
  const signIn = flags.sign ? region : typeof replayInput === 'object' ? replayInput.sign?.region : undefined;
  const transport = signIn ? sigv4Transport(httpTransport(), { region: signIn }) : httpTransport();
  try {
    const unreachable = await reachability(transport, baseUrl, flags.timeoutMs);
    if (unreachable) {
      io.stderr(
        `conform: cannot reach ${safeText(baseUrl)} (${safeText(unreachable)}); is the implementation running there?\n`,
      );
      return 2;
    }
    const context: CommandContext = {
      ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
      profile,
      strict: typeof replayInput === 'object' ? replayInput.strict : flags.strict,
      from: typeof replayInput === 'object' ? replayInput.from : flags.from,
      seed: typeof replayInput === 'object' ? replayInput.seed : seed,
      ...(signIn ? { sign: { region: signIn } } : {}),
    };
    const onProgress = (result: Parameters<typeof progressLine>[0], done: number, total: number) =>
      io.stderr(`${progressLine(result, done, total)}\n`);
    if (replayInput === undefined) {
      io.stderr(
        `conform: ${profile} profile${flags.strict ? ', strict' : ''}, ${flags.runs} runs per property, seed ${seed}, against ${safeText(baseUrl)}${embedded ? ' (embedded reference mock)' : ''}\n`,
      );
    }
    const unsigned =
      typeof replayInput === 'object'
        ? await replayFailures(replayInput, { transport, baseUrl, timeoutMs: flags.timeoutMs, onProgress })
        : await runConformance({
            transport,
            baseUrl,
            profile,
            strict: flags.strict,
            from: flags.from,
            runs: flags.runs,
            seed,
            only,
            ...(flags.path ? { path: flags.path } : {}),
            timeoutMs: flags.timeoutMs,
            concurrency: flags.concurrency,
            onProgress,
          });
    const report = signIn ? await signFailureRequests(unsigned, sigv4Signer({ region: signIn })) : unsigned;
    for (const note of unexpectedStatuses(report)) io.stderr(`conform: ${statusNoteLine(note)}\n`);
    const rendered = render(report, flags, context);
    if (flags.output) {
      await mkdir(dirname(flags.output), { recursive: true });
      await writeFile(flags.output, rendered);
      io.stderr(`conform: report written to ${flags.output}\n`);
    } else {
      io.stdout(rendered);
    }
    if (report.summary.failed > 0 && replayInput === undefined) {
      await mkdir(dirname(DEFAULT_REPLAY_FILE), { recursive: true });
      await writeFile(DEFAULT_REPLAY_FILE, `${JSON.stringify(replayFileOf(report, context))}\n`);
      io.stderr(
        `conform: failures written to ${DEFAULT_REPLAY_FILE}; re-send them with --replay ${DEFAULT_REPLAY_FILE}\n`,
      );
    }
    return report.summary.failed > 0 ? 1 : 0;
  } finally {
    await embedded?.close();
  }
}

export const registerConformCommand: RegisterCommand = (program: Command, done) => {
  program
    .command('conform')
    .description(
      'Fuzz an SES-compatible implementation with generated valid and invalid requests and report every ' +
        'contract rule it breaks, with a minimal request that reproduces it. Without --base-url, runs ' +
        'against the embedded reference mock.',
    )
    .option(
      '--base-url <url>',
      'implementation under test (default: the embedded reference mock on a free port)',
    )
    .addOption(
      new Option('--profile <name>', 'wire format to expect (spec/RULES.md section 1)')
        .choices(['documented', 'aws'])
        .default('documented'),
    )
    .addOption(
      new Option('--runs <n>', 'generated cases per property')
        .default(100)
        .argParser(integerIn('--runs', 1, 1_000_000)),
    )
    .addOption(
      new Option(
        '--seed <n>',
        'random seed (default: 42 when CI is set, else the clock); printed in the report',
      ).argParser(integerIn('--seed', -2_147_483_648, 2_147_483_647)),
    )
    .option('--strict', 'also check the SHOULD rules', false)
    .option('--only <glob>', 'run only properties whose name or rule id matches (comma-separated globs)')
    .option(
      '--path <path>',
      'fast-check replay path of a failure (with --seed and --only naming one property)',
    )
    .option('--from <address>', 'sender address the implementation has verified', 'sender@example.com')
    .addOption(
      new Option('--timeout-ms <n>', 'per-request timeout; a slower answer fails that case')
        .default(5000)
        .argParser(integerIn('--timeout-ms', 1, 600_000)),
    )
    .addOption(
      new Option('--concurrency <n>', 'properties run side by side')
        .default(4)
        .argParser(integerIn('--concurrency', 1, 64)),
    )
    .addOption(
      new Option('--reporter <name>', 'report format').choices(['pretty', 'json', 'junit']).default('pretty'),
    )
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option(
      '--sign',
      'SigV4-sign every request (service ses, dummy credentials AKIDEXAMPLE), for implementations that ' +
        'require an Authorization header (emulators; real SES refuses dummy credentials). The curl lines in ' +
        'the report carry a signature made when the report was written: curl cannot re-sign, so a server ' +
        'that verifies signatures refuses them once the request is edited or after ~15 minutes',
      false,
    )
    .option('--region <name>', 'signing region for --sign', DEFAULT_SIGNING_REGION)
    .option(
      '--replay <file>',
      `re-send the failures recorded in a replay file (written to ${DEFAULT_REPLAY_FILE} after a failing run)`,
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 conformant, 1 at least one property failed, 2 bad usage or the target cannot be reached.\n\n' +
        'Examples:\n' +
        '  ses-contract conform                                   # against the embedded reference mock\n' +
        '  ses-contract conform --base-url http://localhost:8080 --profile aws --strict\n' +
        '  ses-contract conform --base-url http://127.0.0.1:8005 --profile aws --sign   # aws-ses-v2-local\n' +
        "  ses-contract conform --base-url http://localhost:8080 --only 'send-email/*C-ADDR*' --runs 500\n" +
        '  ses-contract conform --reporter junit --output reports/conform.xml\n' +
        `  ses-contract conform --base-url http://localhost:8080 --replay ${DEFAULT_REPLAY_FILE}\n`,
    )
    .action(async (flags: ConformFlags) => {
      done(
        await runConformCommand(flags, {
          stdout: (text) => process.stdout.write(text),
          stderr: (text) => process.stderr.write(text),
          env: process.env,
        }),
      );
    });
};
