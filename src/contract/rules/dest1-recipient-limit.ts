import { type Violation, violation } from '../violation.ts';

export const MAX_RECIPIENTS = 50;

/**
 * C-DEST1 MUST. At most 50 recipients per message: To + Cc + Bcc together (for raw MIME without
 * `Destination`, the To/Cc/Bcc headers together). 50 is valid; 51 is invalid.
 *
 * `counts` are the per-list counts; a single list over 50 is already reported by the schema
 * (`RecipientList.maxItems`), so only a total spread over several lists is reported here.
 */
export function checkRecipientLimit(counts: Record<string, number>, path: string): Violation[] {
  const values = Object.values(counts);
  const total = values.reduce((sum, n) => sum + n, 0);
  if (total <= MAX_RECIPIENTS || values.some((n) => n > MAX_RECIPIENTS)) return [];
  const spread = Object.entries(counts)
    .map(([list, n]) => `${list} ${n}`)
    .join(', ');
  return [
    violation(
      'C-DEST1',
      path,
      `${total} recipients (${spread}); at most ${MAX_RECIPIENTS} are allowed in all lists together`,
    ),
  ];
}
