/**
 * Section 2 applied to the address fields outside `Destination`: `FromEmailAddress`,
 * `ReplyToAddresses[]` and `FeedbackForwardingEmailAddress`, shared by both operations.
 */
import { checkAddress } from './address/check-address.ts';
import { itemsAt, stringAt } from './json-reading.ts';
import { pointer, type Violation } from './violation.ts';

export function checkSenderAddresses(body: unknown): Violation[] {
  const violations: Violation[] = [];
  for (const field of ['FromEmailAddress', 'FeedbackForwardingEmailAddress']) {
    const value = stringAt(body, field);
    if (value !== undefined) violations.push(...checkAddress(value, pointer(field)));
  }
  for (const [index, item] of itemsAt(body, 'ReplyToAddresses')) {
    if (typeof item === 'string') violations.push(...checkAddress(item, pointer('ReplyToAddresses', index)));
  }
  return violations;
}
