import { itemsAt, stringAt } from '../json-reading.ts';
import { pointer, type Violation, violation } from '../violation.ts';

export const MAX_HEADER_NAME_PLUS_VALUE = 996;

/**
 * C-CONT12 SHOULD. A custom header's name plus value is at most 996 characters (documented in the
 * SES model's MessageHeader text, not in its constraints, so only `--strict` checks it).
 */
export function checkHeaderLineLength(
  container: unknown,
  containerPath: string,
  member: string,
): Violation[] {
  const violations: Violation[] = [];
  for (const [index, header] of itemsAt(container, member)) {
    const name = stringAt(header, 'Name') ?? '';
    const value = stringAt(header, 'Value') ?? '';
    const total = name.length + value.length;
    if (total > MAX_HEADER_NAME_PLUS_VALUE && name.length <= 126 && value.length <= 995) {
      violations.push(
        violation(
          'C-CONT12',
          `${containerPath}${pointer(member, index)}`,
          `name plus value is ${total} characters; at most ${MAX_HEADER_NAME_PLUS_VALUE}`,
        ),
      );
    }
  }
  return violations;
}
