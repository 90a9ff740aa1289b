/**
 * Rules-engine figures for `npm run bench` (issue 3): validations/s of a typical Simple SendEmail
 * (5 recipients, 3 tags) on one core and its ratio to Ajv alone on the same body; raw MIME of 1 MiB
 * with 3 attachments and of 40 MiB (base64), with peak memory.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import type { ConformanceCase } from '../conformance/case.ts';
import { propertyDefinitions } from '../conformance/properties/catalog.ts';
import { buildRawMessage, buildSendEmailBody } from '../src/contract/mime/build-raw-message.ts';
import { specSchema } from '../src/contract/schema/spec-ajv.ts';
import { checkSendBulkEmail } from '../src/contract/validate-send-bulk-email.ts';
import { checkSendEmail, validateSendEmail } from '../src/contract/validate-send-email.ts';
import { readJsonBody } from '../src/server/json-request-body.ts';

export const TYPICAL_SEND_EMAIL = {
  FromEmailAddress: 'Sender <sender@example.com>',
  Destination: {
    ToAddresses: ['alice@example.com', '"Bob B." <bob@xn--bcher-kva.de>'],
    CcAddresses: ['carol@example.org', 'dave@mail.example.net'],
    BccAddresses: ['audit@example.com'],
  },
  Content: {
    Simple: {
      Subject: { Data: 'Your order has shipped' },
      Body: { Text: { Data: 'Hello, your order is on its way.' }, Html: { Data: '<p>Hello</p>' } },
    },
  },
  EmailTags: [
    { Name: 'campaign', Value: 'shipping' },
    { Name: 'tier', Value: 'gold' },
    { Name: 'region', Value: 'eu-west-1' },
  ],
};

function withFreshDomains(i: number) {
  const body = structuredClone(TYPICAL_SEND_EMAIL);
  body.FromEmailAddress = `Sender <sender@s${i}.example.com>`;
  body.Destination.ToAddresses = [`alice@a${i}.example.com`, `"Bob B." <bob@xn--bcher-kva.b${i}.de>`];
  body.Destination.CcAddresses = [`carol@c${i}.example.org`, `dave@mail.d${i}.example.net`];
  body.Destination.BccAddresses = [`audit@e${i}.example.com`];
  return body;
}

function perSecond(fn: () => unknown, seconds: number): number {
  for (let i = 0; i < 2_000; i++) fn();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 500; i++) fn();
    count += 500;
  }
  return count / ((performance.now() - start) / 1000);
}

function timeOnce(fn: () => unknown): { ms: number; result: unknown } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Engine CPU per case of a conformance run (issue 12): the cases of every property of a documented,
 * strict run, sampled with seed 42 as `npm start` sends them, checked once strict (as the runner's rule
 * coverage does), then once at MUST level (as the mock does). Under `--cases` the memos start empty.
 * The 40 MiB case is timed above on its own; cases whose text is not JSON never reach the engine.
 */
export function benchConformanceCases(runs = 100) {
  const bodies: Array<{ operation: ConformanceCase['operation']; body: unknown }> = [];
  const isCase = (v: unknown): v is ConformanceCase =>
    typeof v === 'object' && v !== null && 'operation' in v;
  for (const property of propertyDefinitions({
    profile: 'documented',
    strict: true,
    from: 'sender@example.com',
  })) {
    if (property.maxRuns !== undefined && property.maxRuns < 5) continue;
    const numRuns = Math.min(runs, property.maxRuns ?? runs);
    for (const value of fc.sample(property.arbitrary, { numRuns, seed: 42 })) {
      for (const c of isCase(value) ? [value] : Array.isArray(value) ? value.filter(isCase) : []) {
        if (c.text === undefined) {
          bodies.push({ operation: c.operation, body: c.body });
          continue;
        }
        const read = readJsonBody(new TextEncoder().encode(c.text));
        if (read.ok) bodies.push({ operation: c.operation, body: read.value });
      }
    }
  }
  const cpuMsPerCase = (strict: boolean) => {
    const start = process.cpuUsage();
    for (const { operation, body } of bodies) {
      if (operation === 'send-bulk-email') checkSendBulkEmail(body, { strict });
      else checkSendEmail(body, { strict });
    }
    const used = process.cpuUsage(start);
    return Number(((used.user + used.system) / 1000 / bodies.length).toFixed(3));
  };
  // Compiling the spec's schemas happens once per process, not per case: not part of the figure.
  checkSendEmail(TYPICAL_SEND_EMAIL);
  checkSendBulkEmail({ BulkEmailEntries: [] });
  const strictMs = cpuMsPerCase(true);
  return { cases: bodies.length, strictCpuMsPerCase: strictMs, mustCpuMsPerCase: cpuMsPerCase(false) };
}

export async function benchEngine() {
  const ajvOnly = specSchema('documented', 'SendEmailRequest');
  if (validateSendEmail(TYPICAL_SEND_EMAIL, { strict: true }).length > 0)
    throw new Error('typical body is invalid');
  const engine = perSecond(() => validateSendEmail(TYPICAL_SEND_EMAIL), 2);
  // The engine caches per-domain IDNA results; bodies whose domains are all new show the cold cost.
  const fresh = Array.from({ length: 50_000 }, (_, i) => withFreshDomains(i));
  let next = 0;
  const engineFreshDomains = perSecond(() => validateSendEmail(fresh[next++ % fresh.length]), 1);
  const ajv = perSecond(() => ajvOnly(TYPICAL_SEND_EMAIL), 2);

  const attachments = (size: number) =>
    ['report.pdf', 'photo.jpg', 'data.csv'].map((fileName) => ({ fileName, size }));
  const small = buildSendEmailBody(
    buildRawMessage({ body: { kind: 'nested', attachments: attachments(250_000) } }),
  );
  const oneMiB = small.Content.Raw.Data;
  if (validateSendEmail(small).length > 0) throw new Error('1 MiB raw body is invalid');
  const smallMs = median(Array.from({ length: 15 }, () => timeOnce(() => validateSendEmail(small)).ms));

  const big = buildSendEmailBody(
    buildRawMessage({ body: { kind: 'mixed', attachments: attachments(7_500_000) } }),
  );
  const fortyMiB = big.Content.Raw.Data;
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const bigRun = timeOnce(() => validateSendEmail(big));
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  const bigViolations = bigRun.result as unknown[];

  return {
    simpleSendEmail: {
      validationsPerSecond: Math.round(engine),
      validationsPerSecondAllDomainsNew: Math.round(engineFreshDomains),
      ajvOnlyPerSecond: Math.round(ajv),
      slowdownVsAjv: Number((ajv / engine).toFixed(2)),
      targets: 'validationsPerSecond ≥ 20000; slowdownVsAjv ≤ 3',
    },
    rawMime1MiB: {
      mimeBytes: Math.round((oneMiB.length * 3) / 4),
      base64Chars: oneMiB.length,
      medianMs: Number(smallMs.toFixed(2)),
      target: '≤ 20 ms',
    },
    rawMime40MiB: {
      base64Chars: fortyMiB.length,
      ms: Math.round(bigRun.ms),
      violations: bigViolations.length,
      rssGrowthMiB: Math.round((peak - before.rss) / 2 ** 20),
      messageMiB: Math.round(fortyMiB.length / 2 ** 20),
      target: '≤ 1000 ms, peak memory growth < 4× the message',
    },
  };
}

/** Which issue-3 targets the figures meet. */
export function engineTargets(result: Awaited<ReturnType<typeof benchEngine>>): Record<string, boolean> {
  return {
    'validations/s ≥ 20000': result.simpleSendEmail.validationsPerSecond >= 20_000,
    'engine ≤ 3× slower than Ajv alone': result.simpleSendEmail.slowdownVsAjv <= 3,
    '1 MiB raw MIME ≤ 20 ms': result.rawMime1MiB.medianMs <= 20,
    '40 MiB raw MIME ≤ 1 s': result.rawMime40MiB.ms <= 1000,
    '40 MiB peak memory < 4× message': result.rawMime40MiB.rssGrowthMiB < 4 * result.rawMime40MiB.messageMiB,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `--cases`: only the per-case figure, in a fresh process so the memos start empty.
  let casesOnly = false;
  try {
    casesOnly = parseArgs({ options: { cases: { type: 'boolean' } } }).values.cases === true;
  } catch (error) {
    console.error(`bench-engine: ${(error as Error).message}`);
    process.exit(2);
  }
  if (casesOnly) {
    console.log(JSON.stringify({ conformanceCases: benchConformanceCases() }, null, 2));
    process.exit(0);
  }
  // The issue-3 figures first: thousands of varied cases before them would change what they measure.
  const result = { ...(await benchEngine()), conformanceCases: benchConformanceCases() };
  const targets = engineTargets(result);
  console.log(JSON.stringify({ ...result, targets }, null, 2));
  process.exitCode = Object.values(targets).every(Boolean) ? 0 : 1;
}
