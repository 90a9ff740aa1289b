/** The recipient strings of a `Destination` object (To, Cc, Bcc), with their JSON pointers. */
import { itemsAt } from './json-reading.ts';
import { pointer } from './violation.ts';

export const RECIPIENT_LISTS = ['ToAddresses', 'CcAddresses', 'BccAddresses'] as const;

export type Recipient = { address: string; path: string };

export function destinationRecipients(destination: unknown, destinationPath: string): Recipient[] {
  const recipients: Recipient[] = [];
  for (const list of RECIPIENT_LISTS) {
    for (const [index, item] of itemsAt(destination, list)) {
      if (typeof item === 'string')
        recipients.push({ address: item, path: `${destinationPath}${pointer(list, index)}` });
    }
  }
  return recipients;
}

/** How many items each list holds (strings or not: every item is meant as a recipient). */
export function recipientCounts(destination: unknown): Record<(typeof RECIPIENT_LISTS)[number], number> {
  return {
    ToAddresses: itemsAt(destination, 'ToAddresses').length,
    CcAddresses: itemsAt(destination, 'CcAddresses').length,
    BccAddresses: itemsAt(destination, 'BccAddresses').length,
  };
}
