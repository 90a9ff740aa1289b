/**
 * The address headers of a raw message (RULES.md section 2 lists them) and how their values are read:
 * split at top-level commas by the address module, each address then checked by `checkAddress`.
 * A value with 8-bit octets is read as UTF-8, so a raw `bücher.de` reaches the address rules as the
 * Unicode it stands for and fails the rule that names the defect (C-ADDR4), not a generic one, and
 * a raw `Zoë` display name gets the same C-ADDR8 advice as in a JSON field (RULES.md section 10).
 */
import { checkAddress } from '../address/check-address.ts';
import { splitAddressList } from '../address/parse-mailbox.ts';
import { reportUnder, type Violation, violation } from '../violation.ts';
import type { MimeEntity, MimeHeader } from './mime-entity.ts';

export const ADDRESS_HEADER_KEYS: ReadonlySet<string> = new Set([
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'bcc',
]);
const RECIPIENT_HEADER_KEYS: ReadonlySet<string> = new Set(['to', 'cc', 'bcc']);

const EIGHT_BIT = /[\u0080-\u00ff]/;

/** Whether a header value (one character per octet) holds an octet above 0x7F. */
export function hasEightBitOctets(value: string): boolean {
  return EIGHT_BIT.test(value);
}

/** The header value as text: octets above 0x7F decoded as UTF-8. */
export function headerText(header: MimeHeader): string {
  if (!hasEightBitOctets(header.value)) return header.value;
  const octets = Uint8Array.from(header.value, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(octets);
}

/**
 * C-MIME4, C-MIME6 and the recipient counts (C-DEST1/2) all read the same To, Cc and From headers of
 * one parsed message: each is split once. Keyed by the header object, so nothing outlives the message.
 */
const split = new WeakMap<MimeHeader, readonly string[]>();

/**
 * The list elements of an address header, as written (display names kept). Group members count,
 * group names do not; an empty element between two commas is kept so the address rules report it.
 */
export function addressesOf(header: MimeHeader): readonly string[] {
  let addresses = split.get(header);
  if (addresses === undefined) {
    addresses = splitAddressList(headerText(header));
    split.set(header, addresses);
  }
  return addresses;
}

/**
 * Section 2 violations of one address header, under the address rules' own ids (the caller reports
 * them under C-MIME4 or C-MIME6). An empty value is allowed only in `Bcc` (RFC 5322 §3.6.3); an empty group such as
 * `undisclosed-recipients:;` is allowed anywhere a list is.
 */
export function addressHeaderViolations(header: MimeHeader, path: string): Violation[] {
  if (header.value.trim() === '') {
    return header.key === 'bcc'
      ? []
      : [violation('C-ADDR1.syntax', path, `the ${header.name} header holds no address`)];
  }
  return addressesOf(header).flatMap((address, index) => checkAddress(address, `${path}/${index}`));
}

/** Every address in the message's own To, Cc and Bcc headers (not in attached messages or parts). */
export function recipientsOf(root: MimeEntity): string[] {
  return root.headers
    .filter((h) => RECIPIENT_HEADER_KEYS.has(h.key))
    .flatMap(addressesOf)
    .filter((address) => address !== '');
}

/**
 * Reports an address-rule violation under the MIME rule for its header (C-MIME4 for From, C-MIME6 for
 * the rest), the address rule and clause kept as the cause. Only MUST-level defects are reported so: a
 * SHOULD (C-ADDR3, C-ADDR5.label-shape, C-ADDR6, C-ADDR7) keeps its own id, or a `--strict`-only
 * defect would fail the default run, and advice (C-ADDR8) keeps its own id and level.
 */
export function reportUnderHeaderRule(inner: Violation, rule: 'C-MIME4' | 'C-MIME6'): Violation {
  return inner.level === 'MUST' ? reportUnder(inner, `${rule}.address`) : inner;
}
