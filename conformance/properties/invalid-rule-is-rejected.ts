/**
 * A request that breaks exactly one rule is rejected with the profile's validation error, never
 * 2xx and never 5xx (C-W3 / C-A3). One property per invalid class and operation: a MUST rule, or
 * in strict runs a SHOULD rule (or clause, `C-ADDR5.label-shape`); each class sends its defect in
 * every place the rule registry lists. For a bulk entry defect the aws profile may answer per entry
 * instead (C-A5).
 */
import type fc from 'fast-check';
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import { ruleOfClass } from '../arbitraries/invalid-cell.ts';
import { invalidSendBulkEmailCases } from '../arbitraries/invalid-send-bulk-email.ts';
import { invalidSendEmailCases } from '../arbitraries/invalid-send-email.ts';
import { shouldSendBulkEmailCases, shouldSendEmailCases } from '../arbitraries/should-cases.ts';
import type { InvalidCase, Operation } from '../case.ts';
import { checkRejected } from './check-rejected.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';
import { sendRetryingTransients } from './send-retrying-transients.ts';
import { entryCount } from './valid-request-is-accepted.ts';

/**
 * Rules that say "400 or 404" (C-CONT9, C-CONT10: SES may simply look the identity or name up), and
 * the SHOULD clause of C-CONT6, whose second source names a stored template an implementation may
 * look up first: a 404 is a rejection there too.
 */
export const MAY_BE_NOT_FOUND = ['C-CONT9', 'C-CONT10', 'C-CONT6.single-source'];

export function invalidRuleIsRejected(
  operation: Operation,
  name: string,
  level: 'MUST' | 'SHOULD',
  arbitrary: fc.Arbitrary<InvalidCase>,
  options: PropertyOptions,
): PropertyDefinition {
  const rule = ruleOfClass(name);
  const bulkAws = options.profile === 'aws' && operation === 'send-bulk-email';
  const wire: RuleId[] = options.profile === 'documented' ? ['C-W3'] : bulkAws ? ['C-A3', 'C-A5'] : ['C-A3'];
  const notFound = MAY_BE_NOT_FOUND.includes(name) || MAY_BE_NOT_FOUND.includes(rule);
  return defineProperty({
    name: `${operation}/invalid-${name}-is-rejected`,
    operation,
    rules: [rule, ...wire],
    level,
    // The 40 MiB case is the same bytes every run: once is enough.
    ...(rule === 'C-MIME9' ? { maxRuns: 1 } : {}),
    arbitrary,
    async check(c, context) {
      const entries = entryCount(c);
      // A defect in one bulk entry may be answered per entry on the aws profile (C-A5); the other
      // entries are valid, so a transient status on one of them is re-sent, not checked (C-A2).
      const perEntry = context.profile === 'aws' && c.badEntry !== undefined && entries !== undefined;
      const exchange = perEntry
        ? (await sendRetryingTransients(context, c, (i) => i !== c.badEntry)).exchange
        : await context.send(c);
      const problem = checkRejected(exchange, {
        profile: context.profile,
        breaks: c.breaks,
        ...(rule === 'C-MIME9' ? { alsoAllowed: [413] } : {}),
        ...(notFound ? { alsoAllowed: [404], alsoAllowedTypes: ['NotFoundException'] } : {}),
        ...(perEntry ? { badEntries: { indices: [c.badEntry as number], entries: entries as number } } : {}),
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
  return [
    ...Object.entries(must).map(([name, arbitrary]) =>
      invalidRuleIsRejected(operation, name, 'MUST', arbitrary as fc.Arbitrary<InvalidCase>, options),
    ),
    ...Object.entries(should).map(([name, arbitrary]) =>
      invalidRuleIsRejected(operation, name, 'SHOULD', arbitrary as fc.Arbitrary<InvalidCase>, options),
    ),
  ];
}
