/**
 * An A-label (RFC 5890 §2.3.2.1): `xn--` followed by the RFC 3492 Punycode of a label that has at
 * least one non-ASCII character. C-ADDR6 reports labels that are not; C-ADDR7 goes on to validate
 * the Unicode of those that are.
 */

import punycode from 'punycode/punycode.js';
import { boundedMemo } from '../bounded-memo.ts';
import { hasNonAscii } from './non-ascii.ts';
import { quoteForMessage } from './quote-for-message.ts';

export type ALabelDecoding =
  | { readonly ok: true; readonly unicode: string }
  | {
      readonly ok: false;
      /** What is wrong, to follow "the label 'xn--…'". */
      readonly problem: string;
      /** The plain ASCII the label decodes to, when that is the problem (its fix: drop `xn--`). */
      readonly ascii?: string;
    };

const ACE_PREFIX = /^xn--/i;

export function isAceLabel(label: string): boolean {
  return ACE_PREFIX.test(label);
}

/**
 * Decodes `label` (which starts with `xn--`, any case) and checks that it encodes back to itself.
 * C-ADDR6 and C-ADDR7 both ask, and a run sees few distinct A-labels among many domains, so the
 * answer is cached per label (shared: never change it).
 */
export const decodeALabel: (label: string) => ALabelDecoding = boundedMemo(decode, {
  entries: 1_000,
  keyLength: 63,
});

function decode(label: string): ALabelDecoding {
  const encoded = label.slice(4);
  if (encoded === '') return { ok: false, problem: `has nothing after 'xn--'`, ascii: '' };
  let unicode: string;
  try {
    unicode = punycode.decode(encoded);
  } catch {
    return { ok: false, problem: `has Punycode ${quoteForMessage(encoded)} that does not decode (RFC 3492)` };
  }
  if (!hasNonAscii(unicode)) {
    return {
      ok: false,
      problem: `decodes to the plain ASCII ${quoteForMessage(unicode)}, so it is not an A-label`,
      ascii: unicode,
    };
  }
  let again: string;
  // RFC 3492 decoders differ in what they forgive; encoding back catches a form that is not canonical.
  try {
    again = punycode.encode(unicode);
  } catch {
    return { ok: false, problem: `decodes to ${quoteForMessage(unicode)}, which does not encode again` };
  }
  if (again.toLowerCase() !== encoded.toLowerCase()) {
    return {
      ok: false,
      problem: `decodes to ${quoteForMessage(unicode)}, which encodes to 'xn--${again}', not to the label itself`,
    };
  }
  return { ok: true, unicode };
}
