import { isJsonObject, objectAt } from '../json-reading.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-REQ4 MUST. `FromEmailAddress` is present for Simple and Template content and for
 * SendBulkEmail (SES: 400 `BadRequestException`, "Source cannot be empty"). Raw content may omit it
 * when the MIME `From` header is present (C-MIME4).
 *
 * Presence only: a value of the wrong type is C-REQ2's, a bad address section 2's. SendEmail's
 * violation sits at the content that needs the sender (`/Content/Simple`, `/Content/Template`).
 */
export function checkFromAddressPresent(
  body: unknown,
  operation: 'send-email' | 'send-bulk-email',
): Violation[] {
  if (!isJsonObject(body) || Object.hasOwn(body, 'FromEmailAddress')) return [];
  if (operation === 'send-bulk-email') {
    return [
      violation(
        'C-REQ4',
        '/FromEmailAddress',
        "is required: SendBulkEmail has no other sender (SES: 'Source cannot be empty')",
      ),
    ];
  }
  const content = objectAt(body, 'Content');
  const kind = (['Simple', 'Template'] as const).find((k) => objectAt(content, k) !== undefined);
  if (!kind) return [];
  // At the content that needs the sender (the registry's places): the body has no member to point at.
  return [
    violation(
      'C-REQ4',
      `/Content/${kind}`,
      `${kind} content needs a FromEmailAddress (SES: 'Source cannot be empty'); only Raw content may take the sender from its From header`,
    ),
  ];
}
