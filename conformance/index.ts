/**
 * `ses-contract/conformance`: the conformance suite as a library. `conformanceProperties` yields
 * the same properties `ses-contract conform` runs, as fast-check async properties, for people who
 * drive them from their own vitest (`@fast-check/vitest`) or `fc.assert`:
 *
 *   for (const p of conformanceProperties({ baseUrl, transport: app.handle })) {
 *     it(p.name, () => fc.assert(p.property, { numRuns: p.maxRuns ?? 100 }));
 *   }
 *
 * A failing case throws an Error whose message says which rule broke, with the request and the
 * response.
 */
import fc from 'fast-check';
import type { RuleId } from '../src/contract/rule-catalog.ts';
import type { WireProfileName } from '../src/contract/schema/spec-documents.ts';
import type { ConformanceCase, Operation } from './case.ts';
import type { PropertyContext } from './properties/property.ts';
import { parseOnly } from './runner/property-filter.ts';
import { selectedDefinitions } from './runner/run-conformance.ts';
import { guardedSender } from './runner/target-health.ts';
import { type Exchange, sendCase } from './transport/exchange.ts';
import { httpTransport, type Transport } from './transport/transport.ts';

export type { ConformanceCase, InvalidCase, Operation } from './case.ts';
export type { Problem } from './properties/problem.ts';
export { jsonReport } from './reporters/json-reporter.ts';
export { junitReport } from './reporters/junit-reporter.ts';
export { prettyReport } from './reporters/pretty-reporter.ts';
export { replayFailures } from './runner/replay-failures.ts';
export { type ReplayFile, replayFileOf } from './runner/replay-file.ts';
export {
  type ConformanceReport,
  type PropertyResult,
  type RunOptions,
  runConformance,
} from './runner/run-conformance.ts';
export { type Exchange, sendCase } from './transport/exchange.ts';
export { httpTransport, type Transport } from './transport/transport.ts';

export type ConformancePropertiesOptions = {
  /** Where the implementation listens; with an in-process transport any origin will do. */
  baseUrl: string;
  /** Default: real HTTP (`fetch`). Pass `app.handle` to test in process. */
  transport?: Transport;
  profile?: WireProfileName;
  strict?: boolean;
  from?: string;
  /** Globs over property names and rule ids, as `--only`. */
  only?: string;
  timeoutMs?: number;
};

export type ConformanceProperty = {
  name: string;
  operation: Operation;
  rules: RuleId[];
  level: 'MUST' | 'SHOULD';
  /** When set, more runs than this only repeat the same case. */
  maxRuns?: number;
  property: fc.IAsyncProperty<[unknown]>;
};

function describeFailure(rule: RuleId, message: string, exchange: Exchange): string {
  const response = exchange.response
    ? `${exchange.response.status} ${exchange.response.body.slice(0, 2000)}`
    : `no response (${exchange.error})`;
  return `${rule}: ${message}\nRequest: ${exchange.request.method} ${exchange.request.url}\n${exchange.request.body.slice(0, 2000)}\nResponse: ${response}`;
}

export function conformanceProperties(options: ConformancePropertiesOptions): ConformanceProperty[] {
  const profile = options.profile ?? 'documented';
  const strict = options.strict ?? false;
  const from = options.from ?? 'sender@example.com';
  const transport = options.transport ?? httpTransport();
  const sendOptions = { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? 5000 };
  const sender = guardedSender(transport, sendOptions);
  const context: PropertyContext = {
    profile,
    strict,
    from,
    send: (c: ConformanceCase) => sender.send(c),
  };
  return selectedDefinitions({ profile, strict, from, only: parseOnly(options.only) }).map((definition) => ({
    name: definition.name,
    operation: definition.operation,
    rules: definition.rules,
    level: definition.level,
    ...(definition.maxRuns ? { maxRuns: definition.maxRuns } : {}),
    property: fc.asyncProperty(definition.arbitrary, async (value) => {
      const result = await definition.check(value, context);
      if (result.problem)
        throw new Error(describeFailure(result.problem.rule, result.problem.message, result.exchange));
    }),
  }));
}

/** Sends one case and returns the exchange: for writing one's own checks on top of the generators. */
export function sendOne(
  c: ConformanceCase,
  options: { baseUrl: string; transport?: Transport; timeoutMs?: number },
) {
  return sendCase(options.transport ?? httpTransport(), c, {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 5000,
  });
}
