/**
 * UTS-46 validation (IDNA2008, as tr46 implements it) of one A-label, for C-ADDR7, cached per
 * label: a run sees few distinct A-labels among many distinct domains, and tr46 is the engine's
 * most expensive step.
 */
import { toUnicode } from 'tr46';
import { boundedMemo } from '../bounded-memo.ts';

/** Non-transitional, with hyphen, Bidi, joiner and STD3 checks: a label must be valid as it stands. */
export const UTS46 = {
  checkBidi: true,
  checkHyphens: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  transitionalProcessing: false,
} as const;

export type Uts46Label =
  | { readonly valid: false }
  | {
      readonly valid: true;
      /**
       * Whether the label makes its domain a Bidi domain (RFC 5893 §2: it holds a right-to-left
       * character), where the Bidi rule then applies to every label of the domain.
       */
      readonly rightToLeft: boolean;
    };

function check(label: string): Uts46Label {
  if (toUnicode(label, UTS46).error) return { valid: false };
  // Asked of tr46 rather than of a table of our own: in a Bidi domain every label must start with a
  // left-to-right or right-to-left letter (RFC 5893 rule 1), so a label '0' next to this valid one
  // fails exactly when this one makes the domain a Bidi domain.
  return { valid: true, rightToLeft: toUnicode(`0.${label}`, UTS46).error };
}

/** The UTS-46 result of `label`, an A-label (shared: never change it). */
export const uts46Label: (label: string) => Uts46Label = boundedMemo(check, {
  entries: 1_000,
  keyLength: 63,
});
