/**
 * Every property of a run, for a profile and strictness, in report order: per operation, valid
 * acceptance, one property per invalid rule, request-shape checks, ids, liveness; then the
 * profile-specific ones.
 */
import { OPERATIONS } from '../../src/contract/operations.ts';
import { bulkResultsMatchEntries } from './bulk-results-match-entries.ts';
import { createdAtIsRecent } from './created-at-is-recent.ts';
import { idsAreUnique } from './ids-are-unique.ts';
import { invalidRuleProperties } from './invalid-rule-is-rejected.ts';
import { malformedJsonIsRejected } from './malformed-json-is-rejected.ts';
import type { PropertyDefinition, PropertyOptions } from './property.ts';
import { stillAnswersAfterEachCase } from './still-answers-after-each-case.ts';
import { unverifiedIdentityProperties } from './unverified-identity-is-rejected.ts';
import { validRequestIsAccepted } from './valid-request-is-accepted.ts';
import { wrongMediaTypeIsRejected } from './wrong-media-type-is-rejected.ts';
import { wrongTypesAreRejected } from './wrong-types-are-rejected.ts';

export function propertyDefinitions(options: PropertyOptions): PropertyDefinition[] {
  const properties: PropertyDefinition[] = [];
  for (const operation of OPERATIONS) {
    properties.push(
      validRequestIsAccepted(operation, options),
      ...invalidRuleProperties(operation, options),
      malformedJsonIsRejected(operation, options),
      wrongTypesAreRejected(operation, options),
      idsAreUnique(operation, options),
      stillAnswersAfterEachCase(operation, options),
    );
    if (options.strict) {
      properties.push(wrongMediaTypeIsRejected(operation, options));
      if (options.profile === 'documented') properties.push(createdAtIsRecent(operation, options));
    }
  }
  if (options.profile === 'aws') properties.push(bulkResultsMatchEntries(options));
  // Only when told which identities the target lacks (RULES.md section 8).
  properties.push(...unverifiedIdentityProperties(options));
  return properties;
}
