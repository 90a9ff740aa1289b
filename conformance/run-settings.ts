/**
 * What decides a conformance run's cases and how they are checked: said once, and shared by the
 * session's options, the replay file that records a run and the replay commands printed for it.
 */
import type { WireProfileName } from '../src/contract/schema/spec-documents.ts';

export type RunSettings = {
  profile: WireProfileName;
  strict: boolean;
  from: string;
  seed: number;
  /** `--unverified-from` / `--sandbox-recipient`: identities the target lacks; each adds a property. */
  unverifiedFrom?: string;
  sandboxRecipient?: string;
  /** Set when requests are SigV4-signed (`--sign`, dummy credentials), with the signing region. */
  sign?: { region: string };
};
