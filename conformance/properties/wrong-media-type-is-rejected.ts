/**
 * Strict: a valid body sent with a media type other than `application/json` is rejected with 415
 * or 400 (C-REQ2, SHOULD half). A missing Content-Type is OPEN and never sent.
 */
import fc from 'fast-check';
import type { Operation } from '../case.ts';
import { checkRejected } from './check-rejected.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';
import { validCases } from './valid-request-is-accepted.ts';

export function wrongMediaTypeIsRejected(operation: Operation, options: PropertyOptions): PropertyDefinition {
  return defineProperty({
    name: `${operation}/wrong-media-type-is-rejected`,
    operation,
    rules: ['C-REQ2', options.profile === 'documented' ? 'C-W3' : 'C-A3'],
    level: 'SHOULD',
    arbitrary: fc
      .tuple(
        validCases(operation, options.from),
        fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data'),
      )
      .map(([c, contentType]) => ({ ...c, contentType })),
    async check(c, context) {
      const exchange = await context.send(c);
      const problem = checkRejected(exchange, {
        profile: context.profile,
        breaks: 'C-REQ2',
        alsoAllowed: [415],
        alsoAllowedTypes: ['UnsupportedMediaTypeException', 'SerializationException', 'ValidationException'],
      });
      return problem ? { exchange, problem } : { exchange };
    },
  });
}
