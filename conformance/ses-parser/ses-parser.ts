/**
 * SES's own address parser as a second oracle (RULES.md section 2, reference §7.1): one JVM runs
 * `SesAddressParser.java` (JavaMail's strict `InternetAddress` from Debian's `libmail-java`, plus
 * the pre-1.6 rule on octets at or above 0x7F) and checks batches of addresses over a line
 * protocol. Test-only: one JVM per test file, started once, not per address.
 *
 * Needs `java` (Java 11+, which runs a single-file source program without a build step) and
 * JavaMail: `apt-get install default-jre-headless libmail-java`. `.ci/run` installs both.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parser's answer: accepted, or refused with its error text (the text SES returns). */
export type ParserResult = { accepted: true } | { accepted: false; reason: string };

/** `address`: a value of an address field; `list`: a raw MIME address header (To, Cc, From, …). */
export type ValueKind = 'address' | 'list';

const SOURCE = fileURLToPath(new URL('./SesAddressParser.java', import.meta.url));
const JAVAMAIL_JARS = ['/usr/share/java/javax.mail.jar', '/usr/share/java/javax.activation.jar'];
const INSTALL_HINT =
  'the SES parser tests need Java 11+ and JavaMail: apt-get install default-jre-headless libmail-java (or set SES_PARSER_CLASSPATH to a javax.mail jar)';

function classPath(): string {
  const configured = process.env.SES_PARSER_CLASSPATH;
  if (configured) return configured;
  if (!existsSync(JAVAMAIL_JARS[0] as string)) {
    throw new Error(`${INSTALL_HINT}; ${JAVAMAIL_JARS[0]} is missing`);
  }
  return JAVAMAIL_JARS.filter((jar) => existsSync(jar)).join(':');
}

function checkJava(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch (cause) {
    throw new Error(`${INSTALL_HINT}; 'java -version' failed`, { cause });
  }
}

/** UTF-16 code units, not UTF-8: a lone surrogate in a generated string must arrive unchanged. */
function encode(text: string): string {
  return Buffer.from(text, 'utf16le').toString('base64');
}

function decode(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf16le');
}

export class SesParser {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffered = '';
  private stderr = '';
  private pending:
    | { expected: number; answers: string[]; resolve: (a: string[]) => void; reject: (e: Error) => void }
    | undefined;
  private exited: Error | undefined;

  private constructor() {
    checkJava();
    this.child = spawn('java', ['-XX:TieredStopAtLevel=1', '-cp', classPath(), SOURCE], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.setEncoding('ascii');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.child.on('error', (error) => this.fail(new Error(`${INSTALL_HINT}: ${error.message}`)));
    this.child.on('exit', (code) => {
      const hint = /javax\.mail|package .* does not exist/.test(this.stderr) ? `${INSTALL_HINT}\n` : '';
      this.fail(new Error(`${hint}the SES parser JVM exited (${code}): ${this.stderr.trim()}`));
    });
  }

  /** Starts the JVM; fails with what to install when Java or JavaMail is missing. */
  static async start(): Promise<SesParser> {
    const parser = new SesParser();
    // One round trip proves the JVM compiled the harness and found JavaMail.
    const [probe] = await parser.parse(['probe@example.com']);
    if (!probe?.accepted)
      throw new Error(`the SES parser refused probe@example.com: ${JSON.stringify(probe)}`);
    return parser;
  }

  /** The parser's answer to each value, in order: one round trip for the whole batch. */
  parse(values: readonly string[], kind: ValueKind = 'address'): Promise<ParserResult[]> {
    if (this.exited) return Promise.reject(this.exited);
    // An empty batch would send a bare newline, which is no request at all.
    if (values.length === 0) return Promise.resolve([]);
    if (this.pending) return Promise.reject(new Error('one batch at a time'));
    const prefix = kind === 'list' ? 'l' : 'a';
    const request = `${values.map((v) => `${prefix}${encode(v)}`).join('\n')}\n.\n`;
    return new Promise<string[]>((resolve, reject) => {
      this.pending = { expected: values.length, answers: [], resolve, reject };
      this.child.stdin.write(request);
      this.settle();
    }).then((answers) =>
      answers.map((answer, i): ParserResult => {
        if (answer === 'ok') return { accepted: true };
        if (answer.startsWith('no')) return { accepted: false, reason: decode(answer.slice(2)) };
        throw new Error(
          `the SES parser harness failed on ${JSON.stringify(values[i])}: ${decode(answer.slice(2))}`,
        );
      }),
    );
  }

  close(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.stdin.end();
    });
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    this.settle();
  }

  private settle(): void {
    const batch = this.pending;
    if (!batch) return;
    const end = this.buffered.lastIndexOf('\n');
    if (end === -1) return;
    for (const answer of this.buffered.slice(0, end).split('\n')) batch.answers.push(answer);
    this.buffered = this.buffered.slice(end + 1);
    if (batch.answers.length >= batch.expected) {
      this.pending = undefined;
      if (batch.answers.length > batch.expected)
        batch.reject(new Error('the SES parser sent more answers than asked'));
      else batch.resolve(batch.answers);
    }
  }

  private fail(error: Error): void {
    this.exited ??= error;
    const batch = this.pending;
    this.pending = undefined;
    batch?.reject(error);
  }
}
