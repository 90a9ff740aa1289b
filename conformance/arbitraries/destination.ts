/**
 * Destinations (section 3): To/Cc/Bcc splits of 1–50 distinct recipients (valid), 0 or 51+
 * (invalid), and one bad address hidden at any position of any list. Recipients are kept
 * distinct because duplicates are C-DEST4 (OPEN); lists are left out rather than sent empty.
 */
import fc from 'fast-check';
import { RECIPIENT_LISTS } from '../../src/contract/destination-recipients.ts';
import { validAddress } from './address.ts';

export { RECIPIENT_LISTS };
export type RecipientList = (typeof RECIPIENT_LISTS)[number];
export type Destination = Partial<Record<RecipientList, string[]>>;

const listName = fc.constantFrom<RecipientList>(...RECIPIENT_LISTS);

/** The addr-spec inside an address, lower-cased, so two spellings of one mailbox count once. */
function mailboxKey(address: string): string {
  const inBrackets = /<([^>]*)>\s*$/.exec(address);
  return (inBrackets?.[1] ?? address).toLowerCase();
}

function split(assigned: ReadonlyArray<readonly [RecipientList, string]>): Destination {
  const destination: Destination = {};
  for (const [list, address] of assigned) {
    const items = destination[list] ?? [];
    items.push(address);
    destination[list] = items;
  }
  return destination;
}

/** Numbered recipients: cheap to make in bulk and obviously distinct in a counterexample. */
const numbered = (min: number, max: number): fc.Arbitrary<Array<readonly [RecipientList, string]>> =>
  fc
    // An array rather than a `chain` on the count: the count then shrinks too.
    .array(listName, { minLength: min, maxLength: max })
    .map((lists) => lists.map((list, i) => [list, `r${i + 1}@example.com`] as const));

function recipients(min: number, max: number): fc.Arbitrary<Array<readonly [RecipientList, string]>> {
  return fc.uniqueArray(fc.tuple(listName, validAddress), {
    minLength: min,
    maxLength: max,
    selector: ([, address]) => mailboxKey(address),
  });
}

/**
 * 1–50 recipients in total: mostly a few generated ones, sometimes exactly 50. Every `oneof` in
 * these generators cross-shrinks and lists its simplest arm first: without that, a case that drew
 * the 50-recipient arm keeps all 50 through shrinking, whatever rule it was meant to show.
 */
export const validDestination: fc.Arbitrary<Destination> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: recipients(1, 4).map(split), weight: 8 },
  { arbitrary: recipients(50, 50).map(split), weight: 1 },
  { arbitrary: numbered(50, 50).map(split), weight: 1 },
);

/** C-DEST1: 51 or more recipients, spread over the lists so no one list need be over 50. */
export const tooManyRecipients: fc.Arbitrary<Destination> = numbered(51, 60).map(split);

/** C-DEST2: no recipient at all. */
export const noRecipients: fc.Arbitrary<Destination | undefined> = fc.constantFrom<Destination | undefined>(
  undefined,
  {},
  { ToAddresses: [] },
  { ToAddresses: [], CcAddresses: [], BccAddresses: [] },
);

/**
 * C-DEST3: a valid destination with one bad address inserted in any list at any position. Built by
 * mapping a valid destination, so shrinking keeps the bad address while it simplifies the rest.
 */
export function destinationWithBadRecipient(bad: fc.Arbitrary<string>): fc.Arbitrary<Destination> {
  return fc.tuple(recipients(0, 3), bad, listName, fc.nat()).map(([good, address, list, at]) => {
    const assigned = [...good];
    const i = at % (assigned.length + 1);
    assigned.splice(i, 0, [list, address]);
    return split(assigned);
  });
}
