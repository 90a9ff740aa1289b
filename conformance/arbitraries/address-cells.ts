/**
 * Address defects in every place the registry lists for them (C-ADDR1…7, C-DEST3, C-MIME4's and
 * C-MIME6's address clauses): the JSON address fields of both operations, each recipient list (of
 * a bulk entry too: reported as C-BULK3), and the From, Sender, Reply-To, To, Cc and Bcc headers
 * of a raw message. The places come from the registry itself, so a place added there without a
 * placement here fails loudly.
 */
import fc from 'fast-check';
import { type Place, RULES, type RuleId } from '../../src/contract/rule-registry.ts';
import type { InvalidCase, Operation } from '../case.ts';
import { ADDRESS_RULES, type BadAddressKind, MUST_ADDRESS_KINDS, SHOULD_ADDRESS_KINDS } from './address.ts';
import { type Destination, RECIPIENT_LISTS, type RecipientList, validDestination } from './destination.ts';
import { cell, type InvalidCell } from './invalid-cell.ts';
import { type RawMessageSpec, rawData, serialiseMessage, validRawMessage } from './raw-message.ts';
import { type SendBulkEmailBody, validSendBulkEmail } from './send-bulk-email.ts';
import { type SendEmailBody, validSendEmail } from './send-email.ts';

const KINDS: readonly BadAddressKind[] = [...MUST_ADDRESS_KINDS, ...SHOULD_ADDRESS_KINDS];

/**
 * The addresses of some kinds, for a JSON field or a raw header. Two addresses in one header are
 * not C-ADDR1's: To, Cc, Bcc and Reply-To hold lists, From may list several (C-MIME4's sender
 * clause), and two in Sender break C-MIME6's one-mailbox rule, so only `sender` (C-MIME6's own
 * cell) keeps that kind in a header.
 */
function addressesOf(
  kinds: readonly BadAddressKind[],
  header?: string,
  sender = false,
): fc.Arbitrary<string> {
  const usable = kinds.filter(
    (k) => header === undefined || k.kind !== 'two-addresses' || (sender && header === 'Sender'),
  );
  return fc.oneof({ withCrossShrink: true }, ...usable.map((k) => k.addresses));
}

/** What an address placement needs to know about the class it makes a case for. */
type Meta = { breaks: RuleId; reportedAs: (placeKind: PlaceKind) => RuleId[] };
type PlaceKind = 'json' | 'raw-from' | 'raw-other' | 'entry';

function insertInto(list: readonly string[] | undefined, bad: string, pick: number): string[] {
  const items = [...(list ?? [])];
  items.splice(pick % (items.length + 1), 0, bad);
  return items;
}

/** A destination with `bad` in `list`, replacing a recipient at the 50 limit (C-DEST1 stays kept). */
function destinationWith(
  destination: Destination | undefined,
  list: RecipientList,
  bad: string,
  pick: number,
): Destination {
  const total = RECIPIENT_LISTS.reduce((n, l) => n + (destination?.[l]?.length ?? 0), 0);
  const items = [...(destination?.[list] ?? [])];
  if (total >= 50 && items.length > 0) items.splice(pick % items.length, 1, bad);
  else items.splice(pick % (items.length + 1), 0, bad);
  return { ...destination, [list]: items };
}

/** A raw message with `bad` in header `name`: added to a list header, or the header's only value. */
function rawWith(spec: RawMessageSpec, name: string, bad: string, pick: number): RawMessageSpec {
  const at = spec.headers.findIndex(([n]) => n === name);
  const headers = [...spec.headers];
  const listHeader = ['To', 'Cc', 'Bcc', 'Reply-To'].includes(name);
  if (at >= 0) {
    const value = (headers[at] as [string, string])[1];
    headers[at] = [name, listHeader ? (pick % 2 ? `${bad}, ${value}` : `${value}, ${bad}`) : bad];
  } else headers.splice(1, 0, [name, bad]);
  return { ...spec, headers };
}

/** `bad` in one of the top-level address fields both operations share. */
function topLevelPlacement<B extends { ReplyToAddresses?: string[] }>(
  place: string,
  pattern: string,
  valid: fc.Arbitrary<B>,
  bad: fc.Arbitrary<string>,
  make: (body: B) => InvalidCase,
): fc.Arbitrary<InvalidCase> {
  if (pattern === '/ReplyToAddresses') {
    return fc
      .tuple(valid, bad, fc.nat())
      .map(([b, address, pick]) =>
        make({ ...b, ReplyToAddresses: insertInto(b.ReplyToAddresses, address, pick) }),
      );
  }
  if (pattern === '/FromEmailAddress' || pattern === '/FeedbackForwardingEmailAddress') {
    const field = pattern.slice(1);
    return fc.tuple(valid, bad).map(([b, address]) => make({ ...b, [field]: address }));
  }
  throw new Error(`no address placement for ${place}`);
}

function sendEmailPlacement(place: string, from: string) {
  const valid = validSendEmail(from);
  const pattern = place.slice('send-email '.length);
  const list = /^\/Destination\/(\w+)$/.exec(pattern)?.[1] as RecipientList | undefined;
  const header = /^\/Content\/Raw\/Data\/header\/([\w-]+)$/.exec(pattern)?.[1];
  return (bad: fc.Arbitrary<string>, meta: Meta): fc.Arbitrary<InvalidCase> => {
    const make = (body: SendEmailBody, kind: PlaceKind): InvalidCase => ({
      operation: 'send-email',
      body,
      breaks: meta.breaks,
      reportedAs: meta.reportedAs(kind),
    });
    if (header) {
      // The Destination stays: the defect is the header's alone, not the raw recipient count's.
      return fc
        .tuple(valid, validDestination, validRawMessage(from), bad, fc.nat())
        .map(([b, destination, spec, address, pick]) =>
          make(
            {
              ...b,
              Destination: b.Destination ?? destination,
              Content: { Raw: { Data: rawData(serialiseMessage(rawWith(spec, header, address, pick))) } },
            },
            header === 'From' ? 'raw-from' : 'raw-other',
          ),
        );
    }
    if (list) {
      return fc
        .tuple(valid, bad, fc.nat())
        .map(([b, address, pick]) =>
          make({ ...b, Destination: destinationWith(b.Destination, list, address, pick) }, 'json'),
        );
    }
    return topLevelPlacement(place, pattern, valid, bad, (b) => make(b, 'json'));
  };
}

function sendBulkEmailPlacement(place: string, from: string) {
  const valid = validSendBulkEmail(from);
  const pattern = place.slice('send-bulk-email '.length);
  const list = /^\/BulkEmailEntries\/\*\/Destination\/(\w+)$/.exec(pattern)?.[1] as RecipientList | undefined;
  return (bad: fc.Arbitrary<string>, meta: Meta): fc.Arbitrary<InvalidCase> => {
    const make = (body: SendBulkEmailBody, kind: PlaceKind, badEntry?: number): InvalidCase => ({
      operation: 'send-bulk-email',
      body,
      breaks: meta.breaks,
      reportedAs: meta.reportedAs(kind),
      ...(badEntry === undefined ? {} : { badEntry }),
    });
    if (list) {
      return fc.tuple(valid, bad, fc.nat(), fc.nat()).map(([b, address, which, pick]) => {
        const entries = [...b.BulkEmailEntries];
        const at = which % entries.length;
        const entry = entries[at] as (typeof entries)[number];
        entries[at] = { ...entry, Destination: destinationWith(entry.Destination, list, address, pick) };
        return make({ ...b, BulkEmailEntries: entries }, 'entry', at);
      });
    }
    return topLevelPlacement(place, pattern, valid, bad, (b) => make(b, 'json'));
  };
}

function placementFor(place: Place, from: string) {
  return place.startsWith('send-email ')
    ? sendEmailPlacement(place, from)
    : sendBulkEmailPlacement(place, from);
}

/** The places the registry lists for a clause. */
export function placesOf(rule: RuleId, clause: string): readonly Place[] {
  const registered = (RULES[rule].clauses as Record<string, { places: readonly Place[] }>)[clause];
  if (!registered) throw new Error(`${rule}.${clause} is not in the rule registry`);
  return registered.places;
}

const headerOf = (place: Place) => /\/header\/([\w-]+)$/.exec(place)?.[1];

/** Where each kind of place reports a MUST address defect (RULES.md section 9 reports them under C-BULK3, C-MIME4 or C-MIME6). */
function mustReport(rule: RuleId): Meta['reportedAs'] {
  return (kind) =>
    kind === 'raw-from'
      ? ['C-MIME4']
      : kind === 'raw-other'
        ? ['C-MIME6']
        : kind === 'entry'
          ? ['C-BULK3']
          : [rule];
}
/** SHOULD defects keep their own rule everywhere (the engine reports only MUST defects under another rule). */
function shouldReport(rule: RuleId): Meta['reportedAs'] {
  return () => [rule];
}

/** Every address cell of one operation: per address clause × place, plus C-DEST3, C-MIME4 and C-MIME6. */
export function addressCells(operation: Operation, from: string): InvalidCell[] {
  const mine = (places: readonly Place[]) => places.filter((p) => p.startsWith(`${operation} `));
  const cells: InvalidCell[] = [];
  const refs = [...new Set(KINDS.map((k) => `${k.rule}.${k.clause}`))];
  for (const ref of refs) {
    const [rule, clause] = ref.split('.') as [RuleId, string];
    const registered = (RULES[rule].clauses as Record<string, { level: string; places: readonly Place[] }>)[
      clause
    ];
    if (!registered) throw new Error(`${ref} is not in the rule registry`);
    const kinds = KINDS.filter((k) => k.rule === rule && k.clause === clause);
    const reportedAs = registered.level === 'MUST' ? mustReport(rule) : shouldReport(rule);
    for (const place of mine(registered.places)) {
      const bad = addressesOf(kinds, headerOf(place));
      cells.push(
        cell(
          ref as `${RuleId}.${string}`,
          place,
          placementFor(place, from)(bad, { breaks: rule, reportedAs }),
        ),
      );
    }
  }
  // C-DEST3 (recipients) and the raw header clauses of C-MIME4/C-MIME6: any MUST address defect.
  const anyMust = (place: Place, breaks: RuleId, report: (rule: RuleId) => Meta['reportedAs']) =>
    fc.oneof(
      { withCrossShrink: true },
      ...ADDRESS_RULES.map((rule) =>
        placementFor(place, from)(
          addressesOf(
            MUST_ADDRESS_KINDS.filter((k) => k.rule === rule),
            headerOf(place),
          ),
          { breaks, reportedAs: report(rule) },
        ),
      ),
    );
  for (const place of mine(placesOf('C-DEST3', 'main')))
    cells.push(cell('C-DEST3', place, anyMust(place, 'C-DEST3', mustReport)));
  for (const place of mine(placesOf('C-MIME4', 'address')))
    cells.push(cell('C-MIME4.address', place, anyMust(place, 'C-MIME4', mustReport)));
  for (const place of mine(placesOf('C-MIME6', 'address')))
    cells.push(cell('C-MIME6.address', place, anyMust(place, 'C-MIME6', mustReport)));
  return cells;
}
