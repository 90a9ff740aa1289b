/**
 * `npm run fidelity [-- --seed N --runs N --output FILE]`: runs the aws profile of the conformance
 * suite, with one seed, against every SES v2 implementation installed as a dependency (the
 * reference mock in the aws profile, aws-ses-v2-local), each started on loopback, and writes
 * docs/fidelity.md. Installs and downloads nothing. One implementation at a time, so two
 * implementations never compete for the same cores.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ConformanceReport, runConformance } from '../conformance/runner/run-conformance.ts';
import { sigv4Transport } from '../conformance/transport/sigv4-transport.ts';
import { httpTransport } from '../conformance/transport/transport.ts';
import { startMockServer } from '../src/server/start-mock-server.ts';
import { startAwsSesV2Local } from './fidelity-emulator.ts';
import { fidelityMarkdown, type ImplementationRun } from './fidelity-markdown.ts';

export type Running = { url: string; version: string; close(): Promise<void> };

export type Implementation = { name: string; description: string; start(): Promise<Running> };

const PROJECT_VERSION = '0.1.0';

export const IMPLEMENTATIONS: readonly Implementation[] = [
  {
    name: 'reference mock',
    description: 'startMockServer({ profile: "aws" }), in process',
    start: async () => {
      const server = await startMockServer({ profile: 'aws', port: 0 });
      return { url: server.url, version: PROJECT_VERSION, close: () => server.close() };
    },
  },
  {
    name: 'aws-ses-v2-local',
    description: 'node_modules/aws-ses-v2-local CLI, child process, --host 127.0.0.1 --port 0',
    start: () => startAwsSesV2Local({ timeoutMs: 15_000 }),
  },
];

export type FidelityOptions = {
  seed: number;
  runs: number;
  region?: string;
  implementations?: readonly Implementation[];
  /** Globs as `conform --only`; empty = the whole aws profile. */
  only?: readonly string[];
  timeoutMs?: number;
  concurrency?: number;
  log?: (line: string) => void;
};

export async function runFidelity(options: FidelityOptions): Promise<ImplementationRun[]> {
  const region = options.region ?? 'us-east-1';
  const runs: ImplementationRun[] = [];
  for (const implementation of options.implementations ?? IMPLEMENTATIONS) {
    const running = await implementation.start();
    let report: ConformanceReport;
    try {
      options.log?.(`fidelity: ${implementation.name} ${running.version} at ${running.url}`);
      report = await runConformance({
        transport: sigv4Transport(httpTransport(), { region }),
        baseUrl: running.url,
        profile: 'aws',
        strict: false,
        from: 'sender@example.com',
        runs: options.runs,
        seed: options.seed,
        only: options.only ?? [],
        timeoutMs: options.timeoutMs ?? 10_000,
        concurrency: options.concurrency ?? 4,
      });
    } finally {
      await running.close();
    }
    options.log?.(
      `fidelity: ${implementation.name}: ${report.summary.passed} passed, ${report.summary.failed} failed in ${(report.summary.durationMs / 1000).toFixed(1)} s`,
    );
    runs.push({
      name: implementation.name,
      version: running.version,
      description: implementation.description,
      report,
    });
  }
  return runs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '42' },
      runs: { type: 'string', default: '100' },
      output: { type: 'string', default: 'docs/fidelity.md' },
    },
  });
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(runs) || runs < 1) {
    throw new Error('fidelity: --seed and --runs take integers (runs at least 1)');
  }
  const results = await runFidelity({ seed, runs, log: (line) => process.stderr.write(`${line}\n`) });
  await mkdir(dirname(values.output), { recursive: true });
  await writeFile(values.output, fidelityMarkdown(results, { seed, runs, region: 'us-east-1' }));
  process.stderr.write(`fidelity: wrote ${values.output}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
