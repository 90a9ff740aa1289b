/** A member of the wrong JSON type, or a missing required member, is rejected (C-REQ2). */
import { wrongTypeCases } from '../arbitraries/wrong-types.ts';
import type { Operation } from '../case.ts';
import { checkRejected } from './check-rejected.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';

export function wrongTypesAreRejected(operation: Operation, options: PropertyOptions): PropertyDefinition {
  return defineProperty({
    name: `${operation}/wrong-types-are-rejected`,
    operation,
    rules: ['C-REQ2', options.profile === 'documented' ? 'C-W3' : 'C-A3'],
    level: 'MUST',
    arbitrary: wrongTypeCases(operation, options.from),
    async check(c, context) {
      const exchange = await context.send(c);
      const problem = checkRejected(exchange, {
        profile: context.profile,
        breaks: 'C-REQ2',
        alsoAllowedTypes: ['SerializationException', 'ValidationException'],
      });
      return problem ? { exchange, problem } : { exchange };
    },
  });
}
