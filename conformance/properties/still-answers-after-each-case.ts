/**
 * The implementation keeps serving (C-W3: "the server keeps serving"): after a hostile request
 * (broken JSON, a deeply nested or binary body, an invalid case), a valid request is still
 * accepted.
 */
import fc from 'fast-check';
import { malformedJsonCases } from '../arbitraries/wrong-types.ts';
import type { ConformanceCase, Operation } from '../case.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';
import { sendRetryingTransients } from './send-retrying-transients.ts';
import { checkValid, validCases } from './valid-request-is-accepted.ts';

function hostileCases(operation: Operation, from: string): fc.Arbitrary<ConformanceCase> {
  return fc.oneof(
    malformedJsonCases(operation, from).map(
      ({ operation: op, text }): ConformanceCase => ({ operation: op, text }),
    ),
    fc
      .integer({ min: 1_000, max: 20_000 })
      .map((depth) => ({ operation, text: `${'['.repeat(depth)}${']'.repeat(depth)}` })),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
      operation,
      text: String.fromCharCode(...bytes),
    })),
    fc
      .constantFrom(
        '\u0000',
        '{"Content": "\u0000"}',
        '{"__proto__": {"polluted": true}}',
        '{"a":'.repeat(50),
      )
      .map((text) => ({
        operation,
        text,
      })),
  );
}

export function stillAnswersAfterEachCase(
  operation: Operation,
  options: PropertyOptions,
): PropertyDefinition {
  return defineProperty({
    name: `${operation}/still-answers-after-each-case`,
    operation,
    rules: [options.profile === 'documented' ? 'C-W3' : 'C-A3'],
    level: 'MUST',
    arbitrary: fc.tuple(hostileCases(operation, options.from), validCases(operation, options.from)),
    async check([hostile, valid], context) {
      const first = await context.send(hostile);
      const sent = await sendRetryingTransients(context, valid);
      const exchange = sent.exchange;
      const problem = checkValid(sent, valid, context.profile);
      if (!problem) return { exchange };
      return {
        exchange,
        problem: {
          ...problem,
          rule: context.profile === 'documented' ? 'C-W3' : 'C-A3',
          message: `after a hostile request (answered ${first.response?.status ?? first.error}), a valid request failed: ${problem.message}`,
        },
      };
    },
  });
}
