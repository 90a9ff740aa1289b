/**
 * The domain rules (C-ADDR4–7) of one address, remembered per domain. They are pure functions of
 * the domain, and their IDNA work (tr46 UTS-46 validation, Punycode both ways) is the engine's most
 * expensive step, while a mock or a test run sees the same few domains over and over. The JSON
 * pointer differs per call, so what is kept is the rule and the sentence, never a violation.
 */
import { checkAsciiDomain } from '../rules/addr4-ascii-domain.ts';
import { checkDomainLabels } from '../rules/addr5-domain-labels.ts';
import { checkValidPunycode } from '../rules/addr6-valid-punycode.ts';
import { checkIdna2008Labels } from '../rules/addr7-idna2008-labels.ts';
import { type Violation, violation } from '../violation.ts';

type Problem = Pick<Violation, 'rule' | 'message' | 'cause'>;

/** Bounds memory whatever a caller sends: the memo is dropped whole once it holds this many domains. */
const MAX_REMEMBERED_DOMAINS = 1_000;
/** Longer domains are invalid anyway (C-ADDR5) and could be megabytes each: judged, never kept. */
const MAX_REMEMBERED_LENGTH = 253;

const NONE: readonly Problem[] = [];
const remembered = new Map<string, readonly Problem[]>();

function judge(domain: string): readonly Problem[] {
  const found = [
    ...checkAsciiDomain(domain, ''),
    ...checkDomainLabels(domain, ''),
    ...checkValidPunycode(domain, ''),
    ...checkIdna2008Labels(domain, ''),
  ];
  return found.length === 0 ? NONE : found.map(({ rule, message, cause }) => ({ rule, message, cause }));
}

/** C-ADDR4, C-ADDR5, C-ADDR6 and C-ADDR7 of `domain`, in that order, reported at `path`. */
export function domainViolations(domain: string, path: string): Violation[] {
  let problems = remembered.get(domain);
  if (problems === undefined) {
    problems = judge(domain);
    if (domain.length <= MAX_REMEMBERED_LENGTH) {
      if (remembered.size >= MAX_REMEMBERED_DOMAINS) remembered.clear();
      remembered.set(domain, problems);
    }
  }
  if (problems.length === 0) return [];
  return problems.map(({ rule, message, cause }) => violation(rule, path, message, cause));
}
