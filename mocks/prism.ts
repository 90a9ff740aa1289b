/**
 * `npm run mock:prism`: Stoplight Prism mocking the documented spec. Prism checks requests against
 * the JSON Schema only (types, required members, patterns) and answers with the spec's examples; it
 * needs no code and follows the spec as it changes. The reference mock (`ses-contract mock`) applies
 * every SES rule (addresses, MIME, limits) and keeps an inbox. Use Prism for a first UI against the
 * schema; use the reference mock when the UI must meet what SES will really refuse.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
export const PRISM_BIN = `${root}node_modules/.bin/prism`;
export const DOCUMENTED_SPEC = `${root}generated/sesv2.documented.openapi.json`;

export type PrismOptions = {
  /** Default 4010; 0 is not supported by Prism, pick a free port first. */
  port?: number;
  host?: string;
  spec?: string;
  /** How long to wait for Prism to answer before giving up; default 30 s. */
  readyTimeoutMs?: number;
  /** Prism's own log lines (default: dropped). */
  onLog?: (line: string) => void;
};

export type RunningPrism = { url: string; process: ChildProcess; close(): Promise<void> };

/**
 * Waits for Prism's own "Prism is listening on …" line. Probing with a request instead would make
 * Prism log a red NO_PATH_MATCHED_ERROR for its own readiness check.
 */
function waitUntilListening(
  child: ChildProcess,
  listening: Promise<void>,
  url: string,
  timeoutMs: number,
  log: () => string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`Prism exited with code ${code} before listening:\n${log()}`)),
    );
  });
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`Prism did not listen on ${url} within ${timeoutMs} ms:\n${log()}`));
    }, timeoutMs);
  });
  return Promise.race([listening, exited, late]).finally(() => clearTimeout(timer));
}

export async function startPrism(options: PrismOptions = {}): Promise<RunningPrism> {
  const port = options.port ?? 4010;
  const host = options.host ?? '127.0.0.1';
  const spec = options.spec ?? DOCUMENTED_SPEC;
  if (!existsSync(PRISM_BIN)) throw new Error(`Prism is not installed at ${PRISM_BIN}: run npm install.`);
  if (!existsSync(spec)) throw new Error(`No spec at ${spec}: run \`npm run generate\`.`);
  const child = spawn(
    PRISM_BIN,
    ['mock', spec, '--port', String(port), '--host', host, '--errors', 'false'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let onListening: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => {
    onListening = resolve;
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-4000);
    for (const line of text.split('\n')) if (line.trim()) options.onLog?.(line);
    if (/Prism is listening on/.test(output)) onListening();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  await waitUntilListening(child, listening, url, options.readyTimeoutMs ?? 30_000, () => output);
  return {
    url,
    process: child,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const HELP = `Usage: npm run mock:prism -- [--port 4010] [--host 127.0.0.1] [--spec FILE]

Runs Stoplight Prism on the documented spec (generated/sesv2.documented.openapi.json).
Prism validates requests against the JSON Schema and answers with the spec's examples;
for every SES rule and an inbox, run the reference mock instead: npm run mock.

Examples:
  npm run mock:prism
  npm run mock:prism -- --port 4011
`;

async function main(argv: string[]): Promise<number> {
  let values: { port?: string; host?: string; spec?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        spec: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`mock:prism: ${(error as Error).message}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535 || !/^\d+$/.test(values.port ?? '4010')) {
    console.error('mock:prism: --port must be an integer from 1 to 65535.');
    return 2;
  }
  let prism: RunningPrism;
  try {
    prism = await startPrism({
      port,
      ...(values.host !== undefined && { host: values.host }),
      ...(values.spec !== undefined && { spec: values.spec }),
      onLog: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`mock:prism: ${(error as Error).message}`);
    return 2;
  }
  console.log(`Prism mock of the documented spec on ${prism.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
    prism.process.once('exit', () => resolve());
  });
  await prism.close();
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
