/**
 * A bounded cache of a pure check of a string (an address, a domain): the violations found,
 * without the JSON pointer, which differs per call and is added on the way out.
 */

import { boundedMemo } from '../bounded-memo.ts';
import type { Violation } from '../violation.ts';

type Problem = Omit<Violation, 'path'>;

const NONE: readonly Problem[] = [];

export function cachedCheck(
  check: (key: string) => readonly Violation[],
  limits: { entries: number; keyLength: number },
): (key: string, path: string) => Violation[] {
  // Rule, clause, level and cause all survive: a clause decides the level (C-ADDR5.labels is a
  // MUST, C-ADDR5.label-shape a SHOULD), so keeping the rule alone would change results.
  const problemsOf = boundedMemo((key): readonly Problem[] => {
    const found = check(key);
    return found.length === 0 ? NONE : found.map(({ path: _, ...problem }) => problem);
  }, limits);
  return (key, path) => {
    const problems = problemsOf(key);
    if (problems.length === 0) return [];
    // Fresh objects per call: callers may change what they get back.
    return problems.map((problem) => ({ ...problem, path }));
  };
}
