/**
 * Which senders and recipients SES would refuse as unverified (C-ID1, C-ID2; reference §7.4). An
 * identity is an address or a domain; a domain covers every address at it. Without a list every
 * identity counts as verified, so the mock accepts any sender, as it always has.
 */
import { parseMailbox } from '../contract/address/parse-mailbox.ts';
import { isSimulatorAddress } from './mailbox-simulator.ts';

export type IdentityPolicy = {
  /** The From identity (an address as sent, display name and all) is not verified. */
  unverifiedSender(from: string | undefined): boolean;
  /** The recipients the sandbox refuses (C-ID2), as sent; empty outside the sandbox. */
  unverifiedRecipients(recipients: readonly string[]): readonly string[];
  readonly sandbox: boolean;
  /** Whether anything can fail the check (identities listed, or the sandbox): if not, skip it. */
  readonly enforced: boolean;
  /** SES's message naming the identities that failed (region upper-case, identities as sent). */
  rejection(identities: readonly string[]): string;
};

/** `local@domain` in lower case from an address as sent (`Name <a@b>` or `a@b`); undefined if none. */
export function addressOf(sent: string): string | undefined {
  const parsed = parseMailbox(sent.trim());
  if (!parsed.ok) return undefined;
  return `${parsed.mailbox.localPart}@${parsed.mailbox.domain}`.toLowerCase();
}

const CACHED_ADDRESSES = 10_000;

const NONE: readonly string[] = Object.freeze([]);

export function createIdentityPolicy(options: {
  identities?: readonly string[];
  sandbox?: boolean;
  region?: string;
}): IdentityPolicy {
  const listed = options.identities?.map((identity) => identity.trim().toLowerCase()).filter(Boolean);
  const verified = listed ? new Set(listed) : undefined;
  const region = (options.region ?? 'us-east-1').toUpperCase();
  const sandbox = options.sandbox ?? false;
  // A mock meets the same few senders again and again: cache whether each is verified (bounded).
  const seen = new Map<string, boolean>();
  const isVerified = (sent: string): boolean => {
    if (!verified) return true;
    const known = seen.get(sent);
    if (known !== undefined) return known;
    const address = addressOf(sent);
    const isListed =
      address !== undefined &&
      (verified.has(address) || verified.has(address.slice(address.lastIndexOf('@') + 1)));
    if (seen.size >= CACHED_ADDRESSES) seen.clear();
    seen.set(sent, isListed);
    return isListed;
  };
  return {
    sandbox,
    enforced: verified !== undefined || sandbox,
    unverifiedSender: (from) => verified !== undefined && (from === undefined || !isVerified(from)),
    unverifiedRecipients: (recipients) =>
      sandbox ? recipients.filter((r) => !isSimulatorAddress(r) && !isVerified(r)) : NONE,
    rejection: (identities) =>
      `Email address is not verified. The following identities failed the check in region ${region}: ${identities.join(', ')}`,
  };
}
