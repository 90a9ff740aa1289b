import { type Violation, violation } from '../violation.ts';

/**
 * C-DEST2 MUST. At least one recipient per message. For Simple and Template content, `Destination`
 * must hold at least one address. For Raw content without `Destination`, the MIME To/Cc/Bcc headers
 * must hold at least one.
 */
export function checkAtLeastOneRecipient(total: number, path: string, where: string): Violation[] {
  if (total > 0) return [];
  return [violation('C-DEST2', path, `no recipient: ${where} must hold at least one address`)];
}
