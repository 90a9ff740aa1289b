import { type Violation, violation } from '../violation.ts';

export const MAX_RECIPIENTS = 50;

/**
 * C-DEST1 MUST. At most 50 recipients per message: To + Cc + Bcc together (for raw MIME without
 * `Destination`, the To/Cc/Bcc headers together). 50 is valid; 51 is invalid.
 *
 * `counts` are the per-list (or per-header) counts. In a JSON `Destination` a single list over 50
 * is already reported by the schema (`RecipientList.maxItems`), so `source: 'destination'` reports
 * only a total spread over several lists; raw headers have no schema, so every total over 50 counts.
 */
export function checkRecipientLimit(
  counts: Readonly<Record<string, number>>,
  path: string,
  source: 'destination' | 'headers' = 'destination',
): Violation[] {
  const values = Object.values(counts);
  const total = values.reduce((sum, n) => sum + n, 0);
  if (total <= MAX_RECIPIENTS) return [];
  if (source === 'destination' && values.some((n) => n > MAX_RECIPIENTS)) return [];
  const spread = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([list, n]) => `${list} ${n}`)
    .join(', ');
  const together = source === 'headers' ? 'in the To, Cc and Bcc headers together' : 'in all lists together';
  return [
    violation(
      'C-DEST1',
      path,
      `${total} recipients (${spread}); at most ${MAX_RECIPIENTS} are allowed ${together}`,
    ),
  ];
}
