/**
 * The domain rules (C-ADDR4–7) of one address, cached per domain. They are pure functions of
 * the domain, and their IDNA work (tr46 UTS-46 validation, Punycode both ways) is the engine's most
 * expensive step, while a mock or a test run sees the same few domains over and over. The JSON
 * pointer differs per call, so what is kept is the rule and the sentence, never a violation.
 */
import { checkAsciiDomain } from '../rules/addr4-ascii-domain.ts';
import { checkDomainLabels } from '../rules/addr5-domain-labels.ts';
import { checkValidPunycode } from '../rules/addr6-valid-punycode.ts';
import { checkIdna2008Labels } from '../rules/addr7-idna2008-labels.ts';
import type { Violation } from '../violation.ts';
import { cachedCheck } from './address-check-cache.ts';

function check(domain: string): Violation[] {
  return [
    ...checkAsciiDomain(domain, ''),
    ...checkDomainLabels(domain, ''),
    ...checkValidPunycode(domain, ''),
    ...checkIdna2008Labels(domain, ''),
  ];
}

/**
 * C-ADDR4, C-ADDR5, C-ADDR6 and C-ADDR7 of `domain`, in that order, reported at `path`. Domains
 * over 253 characters are invalid anyway (C-ADDR5) and could be megabytes each: checked, never kept.
 */
export const domainViolations: (domain: string, path: string) => Violation[] = cachedCheck(check, {
  entries: 5_000,
  keyLength: 253,
});
