/**
 * `ses-contract conform`: maps flags to a conformance session (`conformance/session.ts`), prints
 * its report and writes the replay file. Progress goes to stderr, the report to stdout or
 * `--output`, failures to `.ses-contract/replay.json`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../../conformance/errors.ts';
import { progressLine } from '../../conformance/reporters/pretty-reporter.ts';
import { parseOnly } from '../../conformance/runner/property-filter.ts';
import { defaultSeed } from '../../conformance/runner/property-seed.ts';
import { DEFAULT_SIGNING_REGION, replayFileCommand } from '../../conformance/runner/replay-command.ts';
import {
  DEFAULT_REPLAY_FILE,
  parseReplayFile,
  type ReplayFile,
} from '../../conformance/runner/replay-file.ts';
import { safeText } from '../../conformance/runner/safe-text.ts';
import { parseShard, type Shard } from '../../conformance/runner/shard.ts';
import { runSession, type SessionOptions } from '../../conformance/session.ts';
import { integerIn } from './integer-option.ts';
import { type CliIo, EXIT_CODES_HELP, type RegisterCommand } from './main.ts';
import {
  collectOutputs,
  collectReporters,
  OUTPUT_HELP,
  REPORTER_HELP,
  reportOutputs,
  writeReports,
} from './report-outputs.ts';

/**
 * The flags as given: `undefined` means "not on the command line", so a flag that contradicts a
 * replay file can be told apart from a default. Defaults are in `CONFORM_DEFAULTS`.
 */
export type ConformFlags = {
  baseUrl?: string;
  profile?: 'documented' | 'aws';
  runs?: number;
  seed?: number;
  strict?: boolean;
  only?: string;
  path?: string;
  from?: string;
  timeoutMs?: number;
  concurrency?: number;
  /** `NAME[=FILE][,…]`, repeatable (`report-outputs.ts`). */
  reporter?: string | string[];
  /** Repeatable; each goes to the next reporter without `=FILE`. */
  output?: string | string[];
  /** `--shard I/N`. */
  shard?: Shard;
  /** `--max-time SECONDS`. */
  maxTime?: number;
  replay?: string;
  /** SigV4-sign every request with dummy credentials (`--sign`). */
  sign?: boolean;
  /** Signing region for `--sign`. */
  region?: string;
  /** An identity the target has not verified: adds a property that a send from it is refused (C-ID1). */
  unverifiedFrom?: string;
  /** A recipient the target's sandbox refuses: adds a property that a send to it is refused (C-ID2). */
  sandboxRecipient?: string;
};

export const CONFORM_DEFAULTS = {
  profile: 'documented',
  runs: 100,
  strict: false,
  from: 'sender@example.com',
  timeoutMs: 5000,
  // Against the embedded mock 4 and 8 run alike (both processes are CPU-bound); against a target
  // 10 ms away, 8 sends about 1.6 times the cases per second of 4.
  concurrency: 8,
  reporter: 'pretty',
} as const;

async function readReplayFile(file: string): Promise<ReplayFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --replay ${file}: ${(error as Error).message}`);
  }
  const parsed = parseReplayFile(text);
  if (typeof parsed === 'string') throw new UsageError(`--replay ${file} is ${parsed}.`);
  return parsed;
}

/**
 * A replay sends the recorded cases as they were recorded, so a flag that would change what is
 * generated or how it is checked is refused when it disagrees with the file (never silently
 * dropped). Flags about where and how to send (`--base-url`, `--sign`, `--region`, `--timeout-ms`),
 * which entries (`--only`) and how to report apply to the replay as to a run.
 */
function replayConflict(flags: ConformFlags, file: ReplayFile): string | undefined {
  const recorded = {
    profile: file.profile,
    from: file.from,
    seed: file.seed,
    unverifiedFrom: file.unverifiedFrom,
    sandboxRecipient: file.sandboxRecipient,
  };
  for (const [name, value] of Object.entries(recorded) as Array<[keyof typeof recorded, unknown]>) {
    const given = flags[name];
    if (given !== undefined && given !== value) {
      const flag = `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      const was = value === undefined ? `without ${flag}` : `with ${flag} ${safeText(String(value))}`;
      return `${flag} ${safeText(String(given))} contradicts the replay file, recorded ${was}: a replay sends the recorded cases as recorded. Drop ${flag}, or run without --replay to generate new cases.`;
    }
  }
  if (flags.strict && !file.strict) {
    return '--strict contradicts the replay file, recorded without --strict. Drop --strict, or run without --replay.';
  }
  for (const name of ['runs', 'path', 'concurrency', 'shard', 'maxTime'] as const) {
    if (flags[name] !== undefined) {
      const flag = name === 'maxTime' ? 'max-time' : name;
      return `--${flag} has no effect with --replay (each recorded case is sent once, in order); drop it.`;
    }
  }
  return undefined;
}

function identityOptions(given: Pick<ConformFlags, 'unverifiedFrom' | 'sandboxRecipient'>) {
  return {
    ...(given.unverifiedFrom !== undefined ? { unverifiedFrom: given.unverifiedFrom } : {}),
    ...(given.sandboxRecipient !== undefined ? { sandboxRecipient: given.sandboxRecipient } : {}),
  };
}

/** Flags (and the replay file, if any) as a session's options; throws `UsageError`. */
export async function sessionOptionsOf(
  flags: ConformFlags,
  env: CliIo['env'],
): Promise<{ options: SessionOptions; file?: ReplayFile }> {
  const file = flags.replay ? await readReplayFile(flags.replay) : undefined;
  if (file) {
    const conflict = replayConflict(flags, file);
    if (conflict) throw new UsageError(conflict);
  }
  if (flags.region !== undefined && !flags.sign && !file?.sign) {
    throw new UsageError('--region applies only with --sign; add --sign or drop --region.');
  }
  // A replay signs as the recorded run did; --sign and --region say otherwise.
  const recordedSign = file?.sign?.region;
  const signRegion = flags.sign
    ? (flags.region ?? recordedSign ?? DEFAULT_SIGNING_REGION)
    : recordedSign !== undefined
      ? (flags.region ?? recordedSign)
      : undefined;
  // A replay goes back to the target it was recorded against unless told otherwise: replaying a
  // remote target's failures against the embedded mock would report them fixed.
  const baseUrl = flags.baseUrl ?? (file && !file.embedded && file.baseUrl ? file.baseUrl : undefined);
  const options: SessionOptions = {
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    profile: file?.profile ?? flags.profile ?? CONFORM_DEFAULTS.profile,
    strict: file?.strict ?? flags.strict ?? CONFORM_DEFAULTS.strict,
    from: file?.from ?? flags.from ?? CONFORM_DEFAULTS.from,
    seed: file?.seed ?? flags.seed ?? defaultSeed(env),
    ...identityOptions(file ?? flags),
    only: parseOnly(flags.only),
    timeoutMs: flags.timeoutMs ?? CONFORM_DEFAULTS.timeoutMs,
    ...(signRegion !== undefined ? { sign: { region: signRegion } } : {}),
    work: file
      ? { kind: 'replay', file }
      : {
          kind: 'run',
          runs: flags.runs ?? CONFORM_DEFAULTS.runs,
          concurrency: flags.concurrency ?? CONFORM_DEFAULTS.concurrency,
          ...(flags.path !== undefined ? { path: flags.path } : {}),
          ...(flags.shard !== undefined ? { shard: flags.shard } : {}),
          ...(flags.maxTime !== undefined ? { maxTimeS: flags.maxTime } : {}),
        },
  };
  return { options, ...(file ? { file } : {}) };
}

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What `conform` reads and writes (scripts/fidelity.ts drives it with its own). */
export type ConformIo = Pick<CliIo, 'stdout' | 'stderr' | 'env'> & { interactive?: boolean };

/** Runs `conform` with these flags; returns 0 or 1, throws the error kinds `main` maps. */
export async function runConformCommand(flags: ConformFlags, io: ConformIo): Promise<0 | 1> {
  const outputs = reportOutputs(flags.reporter, flags.output);
  const { options, file } = await sessionOptionsOf(flags, io.env);
  // On one terminal the progress lines already list every property; the report then skips its table.
  const reportOnTerminal = io.interactive === true;
  const outcome = await runSession({
    ...options,
    onStart: ({ baseUrl, embedded, properties }) => {
      const what = file
        ? `replaying ${properties} recorded failure${properties === 1 ? '' : 's'} from ${flags.replay}`
        : `${counted(options.work.kind === 'run' ? options.work.runs : 1, 'run')} per property, ${counted(properties, 'property', 'properties')}${flags.shard ? ` (shard ${flags.shard.index}/${flags.shard.count})` : ''}${flags.maxTime !== undefined ? `, at most ${flags.maxTime} s` : ''}`;
      io.stderr(
        `conform: ${options.profile} profile${options.strict ? ', strict' : ''}, ${what}, seed ${options.seed}, against ${safeText(baseUrl)}${embedded ? ' (embedded reference mock)' : ''}\n`,
      );
    },
    onProgress: (result, done, total) => io.stderr(`${progressLine(result, done, total)}\n`),
  });
  // Commands in the report re-send cases from the file being replayed, if any.
  const context = flags.replay ? { ...outcome.context, replayFile: flags.replay } : outcome.context;
  await writeReports(outputs, outcome.report, context, io, 'conform', !reportOnTerminal);
  // After the report, so a hint such as "run again with --profile aws" is the last thing on screen
  // rather than scrolled away above dozens of failures it explains.
  for (const note of outcome.notes) io.stderr(`conform: ${note}\n`);
  if (outcome.kind === 'passed') return 0;
  // A replay leaves its own file as it is: it is the record of the run being reproduced.
  if (!file) {
    const text = `${JSON.stringify(outcome.replayFile)}\n`;
    await mkdir(dirname(DEFAULT_REPLAY_FILE), { recursive: true });
    await writeFile(DEFAULT_REPLAY_FILE, text);
    io.stderr(
      `conform: failures written to ${DEFAULT_REPLAY_FILE} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB); re-send them with: ${replayFileCommand(options, DEFAULT_REPLAY_FILE)}\n`,
    );
  }
  return 1;
}

export const registerConformCommand: RegisterCommand = (program: Command, io, done) => {
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
      new Option(
        '--profile <name>',
        'wire format to expect, spec/RULES.md section 1 (default: documented)',
      ).choices(['documented', 'aws']),
    )
    .addOption(
      new Option('--runs <n>', 'generated cases per property (default: 100)').argParser(
        integerIn('--runs', 1, 1_000_000),
      ),
    )
    .addOption(
      new Option(
        '--seed <n>',
        'random seed (default: 42 when CI is set, else the clock); printed in the report',
      ).argParser(integerIn('--seed', -2_147_483_648, 2_147_483_647)),
    )
    .option('--strict', 'also check the SHOULD rules')
    .option('--only <glob>', 'run only properties whose name or rule id matches (comma-separated globs)')
    .option(
      '--path <path>',
      'fast-check replay path of a failure (with --seed and --only naming one property)',
    )
    .option(
      '--from <address>',
      'sender address the implementation has verified (default: sender@example.com)',
    )
    .option(
      '--unverified-from <address>',
      'an identity the target has NOT verified: adds a property that a send from it gets 400 MessageRejected (C-ID1)',
    )
    .option(
      '--sandbox-recipient <address>',
      'a recipient the target (in the sandbox) has NOT verified: adds a property that a send to it gets 400 MessageRejected (C-ID2)',
    )
    .addOption(
      new Option(
        '--timeout-ms <n>',
        'per-request timeout; a slower answer fails that case (default: 5000)',
      ).argParser(integerIn('--timeout-ms', 1, 600_000)),
    )
    .addOption(
      new Option('--concurrency <n>', 'properties run side by side (default: 8)').argParser(
        integerIn('--concurrency', 1, 64),
      ),
    )
    .addOption(new Option('--reporter <name[=file]>', REPORTER_HELP).argParser(collectReporters))
    .addOption(new Option('--output <file>', OUTPUT_HELP).argParser(collectOutputs))
    .addOption(
      new Option(
        '--shard <i/n>',
        'run only part I of N of the selected properties (balanced by expected cost; every flag but --shard ' +
          'the same in all N jobs); merge their JSON reports with `ses-contract report merge`',
      ).argParser((value) => {
        const shard = parseShard(value);
        if (typeof shard === 'string') throw new InvalidArgumentError(`--shard ${shard}.`);
        return shard;
      }),
    )
    .addOption(
      new Option(
        '--max-time <seconds>',
        'a time budget for the whole run in whole seconds, shared over the properties; the report names those that ran fewer runs than asked, ' +
          'and marks "not run" those it stopped before their first case (the run is then incomplete, not conformant; ' +
          'exit 0 if nothing failed, as the budget is your choice)',
      ).argParser(integerIn('--max-time', 1, 86_400)),
    )
    .option(
      '--sign',
      'SigV4-sign every request (service ses, dummy credentials AKIDEXAMPLE), for implementations that ' +
        'require an Authorization header (emulators; real SES refuses dummy credentials). The curl lines in ' +
        'the report carry a signature made when the report was written: curl cannot re-sign, so a server ' +
        'that verifies signatures refuses them once the request is edited or after ~15 minutes',
    )
    .option('--region <name>', `signing region for --sign (default: ${DEFAULT_SIGNING_REGION})`)
    .option(
      '--replay <file>',
      `re-send the failures recorded in a replay file (written to ${DEFAULT_REPLAY_FILE} after a failing ` +
        'run) with the profile, strictness, sender and seed recorded in it; --base-url, --only, --sign, ' +
        '--region, --timeout-ms, --reporter and --output apply; --profile, --strict, --from or --seed that ' +
        'contradict the file, and --runs, --path, --concurrency, --shard, --max-time, are refused',
    )
    .addHelpText(
      'after',
      `\n${EXIT_CODES_HELP}` +
        '  (conform: 1 also when the target stopped answering part-way; 2 when it cannot be reached at all)\n\n' +
        'Examples:\n' +
        '  ses-contract conform                                   # against the embedded reference mock\n' +
        '  ses-contract conform --base-url http://localhost:8080 --profile aws --strict\n' +
        '  ses-contract conform --base-url http://127.0.0.1:8005 --profile aws --sign   # aws-ses-v2-local\n' +
        "  ses-contract conform --base-url http://localhost:8080 --only 'send-email/*C-ADDR*' --runs 500\n" +
        '  ses-contract conform --reporter junit --output reports/conform.xml\n' +
        '  ses-contract conform --seed 42 --shard 2/4 --reporter json=reports/2.json,html=reports/2.html\n' +
        `  ses-contract conform --base-url http://localhost:8080 --replay ${DEFAULT_REPLAY_FILE}\n`,
    )
    .action(async (flags: ConformFlags) => {
      done(await runConformCommand(flags, io));
    });
};
