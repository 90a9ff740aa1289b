import { itemsAt, stringAt } from '../json-reading.ts';
import { pointer, type Violation, violation } from '../violation.ts';

/** The headers SES writes itself (header-fields guide), as the guide spells them. */
export const SES_SET_HEADER_NAMES = [
  'BCC',
  'CC',
  'Content-Disposition',
  'Content-Type',
  'Date',
  'From',
  'Message-ID',
  'MIME-Version',
  'Reply-To',
  'Return-Path',
  'Subject',
  'To',
] as const;

/** The same in lower case: names compare case-insensitively. */
export const RESERVED_HEADER_NAMES: ReadonlySet<string> = new Set(
  SES_SET_HEADER_NAMES.map((name) => name.toLowerCase()),
);

/** What to use instead, where the request has a member for it. */
const INSTEAD: Readonly<Record<string, string>> = {
  from: 'FromEmailAddress',
  to: 'Destination.ToAddresses',
  cc: 'Destination.CcAddresses',
  bcc: 'Destination.BccAddresses',
  'reply-to': 'ReplyToAddresses',
  subject: 'the subject of the content',
};

/**
 * C-CONT4 MUST. `Headers`/`ReplacementHeaders`: at most 15; name 1–126 chars of printable ASCII
 * except `:`; value 1–870 chars of printable ASCII incl. space; no CR/LF. A name SES sets itself
 * is invalid, compared case-insensitively.
 *
 * Count, name and value syntax are schema keywords (`MessageHeaderList`, `MessageHeader`); this is
 * the `reserved-name` clause, for the list `key` (`Headers` or `ReplacementHeaders`) of `container`.
 */
export function checkReservedHeaderNames(
  container: unknown,
  containerPath: string,
  key: 'Headers' | 'ReplacementHeaders' = 'Headers',
): Violation[] {
  const violations: Violation[] = [];
  for (const [index, header] of itemsAt(container, key)) {
    const name = stringAt(header, 'Name');
    if (name === undefined) continue;
    const lower = name.trim().toLowerCase();
    if (!RESERVED_HEADER_NAMES.has(lower)) continue;
    const instead = INSTEAD[lower];
    violations.push(
      violation(
        'C-CONT4.reserved-name',
        `${containerPath}${pointer(key, index, 'Name')}`,
        `'${name}' is a header SES sets itself; it cannot be a custom header${instead ? ` (use ${instead})` : ''}`,
      ),
    );
  }
  return violations;
}
