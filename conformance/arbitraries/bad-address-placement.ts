/**
 * Puts one bad address into an otherwise valid body: in `FromEmailAddress`, in
 * `ReplyToAddresses`, in `FeedbackForwardingEmailAddress`, or hidden at any position of any
 * recipient list (C-DEST3). Mapping a valid body keeps the defect through shrinking.
 */
import fc from 'fast-check';
import { type Destination, RECIPIENT_LISTS } from './destination.ts';

export type AddressField =
  | 'FromEmailAddress'
  | 'ReplyToAddresses'
  | 'FeedbackForwardingEmailAddress'
  | 'Destination';

/** Every address field of a SendEmail body; a bulk body has all but `Destination`. */
export const ADDRESS_FIELDS: readonly AddressField[] = [
  'FromEmailAddress',
  'ReplyToAddresses',
  'FeedbackForwardingEmailAddress',
  'Destination',
];

type WithAddresses = {
  FromEmailAddress?: string;
  ReplyToAddresses?: string[];
  FeedbackForwardingEmailAddress?: string;
  Destination?: Destination;
};

export function insertIntoDestination(
  destination: Destination | undefined,
  bad: string,
  pick: number,
): Destination {
  const lists = RECIPIENT_LISTS.map((name) => [...(destination?.[name] ?? [])]);
  const total = lists.reduce((n, list) => n + list.length, 0);
  const listIndex = pick % RECIPIENT_LISTS.length;
  const list = lists[listIndex] as string[];
  const at = Math.floor(pick / RECIPIENT_LISTS.length) % (list.length + 1);
  // At the 50-recipient limit, replace rather than add, or the case would break C-DEST1 as well.
  if (total >= 50 && list.length > 0) list.splice(Math.min(at, list.length - 1), 1, bad);
  else list.splice(at, 0, bad);
  const out: Destination = {};
  RECIPIENT_LISTS.forEach((name, i) => {
    const items = lists[i] as string[];
    if (items.length > 0) out[name] = items;
  });
  return out;
}

export function withBadAddress<T extends WithAddresses>(
  valid: fc.Arbitrary<T>,
  bad: fc.Arbitrary<string>,
  fields: readonly AddressField[],
): fc.Arbitrary<T> {
  return fc.tuple(valid, bad, fc.constantFrom(...fields), fc.nat()).map(([body, address, field, pick]) => {
    if (field === 'FromEmailAddress' || field === 'FeedbackForwardingEmailAddress') {
      return { ...body, [field]: address };
    }
    if (field === 'ReplyToAddresses') {
      const list = [...(body.ReplyToAddresses ?? [])];
      list.splice(pick % (list.length + 1), 0, address);
      return { ...body, ReplyToAddresses: list };
    }
    return { ...body, Destination: insertIntoDestination(body.Destination, address, pick) };
  });
}
