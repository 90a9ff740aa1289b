import { toASCII } from 'tr46';
import { hasNonAscii } from '../address/non-ascii.ts';
import { quoteForMessage } from '../address/quote-for-message.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-ADDR4 MUST (ASCII domain). The domain is ASCII only. A domain containing any non-ASCII
 * character (e.g. `bücher.de`) is invalid: it must be sent as Punycode (`xn--bcher-kva.de`).
 *
 * The other domain rules (C-ADDR5–7) check only ASCII domains, so a Unicode domain is this one
 * defect. The suggested Punycode is what UTS-46 (non-transitional, IDNA2008 checks) makes of it.
 */
export function checkAsciiDomain(domain: string, path: string): Violation[] {
  if (!hasNonAscii(domain)) return [];
  const punycode = toASCII(domain, {
    checkBidi: true,
    checkHyphens: true,
    checkJoiners: true,
    useSTD3ASCIIRules: true,
    transitionalProcessing: false,
    verifyDNSLength: true,
  });
  const fix =
    punycode === null
      ? 'it is not a valid internationalized domain name either, so it has no Punycode form: use an ASCII domain'
      : `send it as Punycode ${quoteForMessage(punycode)}`;
  return [violation('C-ADDR4', path, `the domain ${quoteForMessage(domain)} is not ASCII: ${fix}`)];
}
