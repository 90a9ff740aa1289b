/**
 * A request that breaks exactly one rule is rejected with the profile's validation error, never
 * 2xx and never 5xx (C-W3 / C-A3). One property per rule and operation; SHOULD rules only in
 * strict runs. For a bulk entry defect the aws profile may answer per entry instead (C-A5).
 */
import type fc from 'fast-check';
import { RULE_LEVELS, type RuleId } from '../../src/contract/rule-catalog.ts';
import { invalidSendBulkEmailCases } from '../arbitraries/invalid-send-bulk-email.ts';
import { invalidSendEmailCases } from '../arbitraries/invalid-send-email.ts';
import { shouldSendBulkEmailCases, shouldSendEmailCases } from '../arbitraries/should-cases.ts';
import type { InvalidCase, Operation } from '../case.ts';
import { judgeRejected } from './judge-rejected.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';
import { entryCount } from './valid-request-is-accepted.ts';

export function invalidRuleIsRejected(
  operation: Operation,
  rule: RuleId,
  arbitrary: fc.Arbitrary<InvalidCase>,
  options: PropertyOptions,
): PropertyDefinition {
  const perEntry = options.profile === 'aws' && (rule === 'C-BULK3' || rule === 'C-BULK4');
  const wire: RuleId = options.profile === 'documented' ? 'C-W3' : perEntry ? 'C-A5' : 'C-A3';
  return defineProperty({
    name: `${operation}/invalid-${rule}-is-rejected`,
    operation,
    rules: [rule, wire],
    level: RULE_LEVELS[rule] === 'SHOULD' ? 'SHOULD' : 'MUST',
    // The 40 MiB case is the same bytes every run: once is enough.
    ...(rule === 'C-MIME9' ? { maxRuns: 1 } : {}),
    arbitrary,
    async check(c, context) {
      const exchange = await context.send(c);
      const entries = entryCount(c);
      const problem = judgeRejected(exchange, {
        profile: context.profile,
        breaks: c.breaks,
        ...(rule === 'C-MIME9' ? { alsoAllowed: [413] } : {}),
        ...(perEntry && c.badEntry !== undefined && entries !== undefined
          ? { badEntry: { index: c.badEntry, entries } }
          : {}),
      });
      return problem ? { exchange, problem } : { exchange };
    },
  });
}

export function invalidRuleProperties(operation: Operation, options: PropertyOptions): PropertyDefinition[] {
  const must =
    operation === 'send-email'
      ? invalidSendEmailCases(options.from)
      : invalidSendBulkEmailCases(options.from);
  const should = options.strict
    ? operation === 'send-email'
      ? shouldSendEmailCases(options.from)
      : shouldSendBulkEmailCases(options.from)
    : {};
  return Object.entries({ ...must, ...should }).map(([rule, arbitrary]) =>
    invalidRuleIsRejected(operation, rule as RuleId, arbitrary as fc.Arbitrary<InvalidCase>, options),
  );
}
