/** The recipient strings of a `Destination` object (To, Cc, Bcc), with their JSON pointers. */
import { arrayAt } from './json-reading.ts';

export const RECIPIENT_LISTS = ['ToAddresses', 'CcAddresses', 'BccAddresses'] as const;

export type Recipient = { address: string; path: string };

export function destinationRecipients(destination: unknown, destinationPath: string): Recipient[] {
  const recipients: Recipient[] = [];
  for (const list of RECIPIENT_LISTS) {
    const items = arrayAt(destination, list);
    if (items === undefined) continue;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      // List names and indexes need no RFC 6901 escaping, so the pointer is written directly.
      if (typeof item === 'string')
        recipients.push({ address: item, path: `${destinationPath}/${list}/${index}` });
    }
  }
  return recipients;
}

/** How many items each list holds (strings or not: every item is meant as a recipient). */
export function recipientCounts(destination: unknown): Record<(typeof RECIPIENT_LISTS)[number], number> {
  return {
    ToAddresses: arrayAt(destination, 'ToAddresses')?.length ?? 0,
    CcAddresses: arrayAt(destination, 'CcAddresses')?.length ?? 0,
    BccAddresses: arrayAt(destination, 'BccAddresses')?.length ?? 0,
  };
}
