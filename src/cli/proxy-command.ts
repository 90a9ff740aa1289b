/**
 * `ses-contract proxy --target URL`: the validation proxy (src/proxy) until SIGINT or SIGTERM,
 * findings as NDJSON on stderr or in `--log FILE`, a summary table on stderr when it stops.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../../conformance/errors.ts';
import { safeText } from '../../conformance/runner/safe-text.ts';
import { integerIn } from './integer-option.ts';
import { listenOptions } from './listen-options.ts';
import type { RegisterCommand } from './main.ts';

type ProxyFlags = {
  target: string;
  port: number;
  host: string;
  profile: 'documented' | 'aws';
  strict?: boolean;
  reject: boolean;
  log?: string;
  timeout: number;
};

function targetUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidArgumentError(`--target ${safeText(value)} is not an http(s) URL.`);
  }
  return value;
}

function openLog(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path, { flags: 'w' });
    stream.once('open', () => {
      stream.off('error', reject);
      resolve(stream);
    });
    stream.once('error', (error) =>
      reject(new UsageError(`cannot write --log ${safeText(path)}: ${error.message}`)),
    );
  });
}

export const registerProxyCommand: RegisterCommand = (program: Command, io, done) => {
  const [port, host, profile] = listenOptions(4011, "the target's wire format (spec/RULES.md section 1)");
  program
    .command('proxy')
    .description(
      'Run a validation proxy in front of an implementation: requests and answers pass through unchanged, ' +
        'each SendEmail / SendBulkEmail request is judged by the contract rules and each answer by the ' +
        "profile's wire rules; every broken rule is one NDJSON line.",
    )
    .requiredOption(
      '--target <url>',
      'the implementation, e.g. http://localhost:8005 (a base path is kept)',
      targetUrl,
    )
    .addOption(port)
    .addOption(host)
    .addOption(profile)
    .option('--strict', 'judge SHOULD rules too (without it: MUST rules only, as conform)')
    .option(
      '--reject',
      "answer a request that breaks a MUST rule with the profile's error (400, 413) instead of forwarding it",
      false,
    )
    .option('--log <file>', 'write the NDJSON findings to FILE (default: stderr)')
    .addOption(
      new Option(
        '--timeout <ms>',
        'how long the target gets for its headers and between body chunks (then 504)',
      )
        .default(30_000)
        .argParser(integerIn('--timeout', 1, 600_000)),
    )
    .addHelpText(
      'after',
      '\nEach finding is one JSON line: {"request":"r7","method":"POST","url":"/v2/email/outbound-emails",' +
        '"side":"request","rule":"C-ADDR1","clause":"syntax","level":"MUST","path":"/FromEmailAddress",' +
        '"message":"…","status":400,"action":"forwarded"}. side is request (the engine\'s rules), response ' +
        "(the target's answer broke a wire rule: C-W1…C-W3, C-A1…C-A5) or target (it hung: 504, or its answer " +
        'could not be read: 502; no rule). A summary table goes to stderr when the proxy stops.\n' +
        '\nExit codes: 0 stopped by SIGINT/SIGTERM, 2 bad flags or the port cannot be used, 3 a bug in ses-contract.\n' +
        '\nExamples:\n' +
        '  ses-contract proxy --target http://localhost:8005 --profile aws --reject\n' +
        '  ses-contract proxy --target https://gateway.example.com/prod --port 4011 --log findings.ndjson\n',
    )
    .action(async (flags: ProxyFlags) => {
      const log = flags.log === undefined ? undefined : await openLog(flags.log);
      const writeLine = log ? (line: string) => void log.write(line) : io.stderr;
      let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
      const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
        onSignal = resolve;
      });
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      // Imported here: undici and the response checks are of no use to the other commands.
      const [{ startValidationProxy }, { findingLine, summaryTable }] = await Promise.all([
        import('../proxy/validation-proxy.ts'),
        import('../proxy/proxy-finding.ts'),
      ]);
      let proxy: Awaited<ReturnType<typeof startValidationProxy>>;
      try {
        proxy = await startValidationProxy({
          target: flags.target,
          port: flags.port,
          host: flags.host,
          profile: flags.profile,
          strict: flags.strict === true,
          reject: flags.reject,
          timeoutMs: flags.timeout,
          onFinding: (finding) => writeLine(findingLine(finding)),
        });
      } catch (error) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        log?.end();
        throw new UsageError(`cannot listen on ${flags.host}:${flags.port}: ${(error as Error).message}`);
      }
      io.stdout(
        `ses-contract proxy (${flags.profile} profile${flags.strict ? ', strict' : ''}${flags.reject ? ', rejecting MUST violations' : ''}) ` +
          `listening on ${proxy.url}, forwarding to ${safeText(flags.target)}\n`,
      );
      const signal = await stopSignal;
      process.off(signal === 'SIGINT' ? 'SIGTERM' : 'SIGINT', onSignal);
      await proxy.close();
      if (log) await new Promise<void>((resolve) => log.end(resolve));
      io.stderr(summaryTable(proxy.tally));
      io.stdout(`proxy: stopped (${signal})\n`);
      done(0);
    });
};
