/** Malformed JSON, and JSON that is not an object, is rejected as invalid (C-REQ1), never 5xx. */
import { malformedJsonCases } from '../arbitraries/wrong-types.ts';
import type { Operation } from '../case.ts';
import { checkRejected } from './check-rejected.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';

export function malformedJsonIsRejected(operation: Operation, options: PropertyOptions): PropertyDefinition {
  return defineProperty({
    name: `${operation}/malformed-json-is-rejected`,
    operation,
    rules: ['C-REQ1', options.profile === 'documented' ? 'C-W3' : 'C-A3'],
    level: 'MUST',
    arbitrary: malformedJsonCases(operation, options.from),
    async check(c, context) {
      const exchange = await context.send(c);
      const problem = checkRejected(exchange, {
        profile: context.profile,
        breaks: 'C-REQ1',
        alsoAllowedTypes: ['SerializationException', 'ValidationException'],
      });
      return problem ? { exchange, problem } : { exchange };
    },
  });
}
