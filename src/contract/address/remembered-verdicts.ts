/**
 * A bounded memo of pure verdicts about a string (an address, a domain): the violations found,
 * without the JSON pointer, which differs per call and is added on the way out. The memo is
 * dropped whole once full, and over-long keys are judged but never kept, so no caller can make it
 * grow without bound.
 */
import type { Violation } from '../violation.ts';

type Problem = Omit<Violation, 'path'>;

const NONE: readonly Problem[] = [];

export function rememberedVerdicts(
  judge: (key: string) => readonly Violation[],
  limits: { entries: number; keyLength: number },
): (key: string, path: string) => Violation[] {
  const remembered = new Map<string, readonly Problem[]>();
  return (key, path) => {
    let problems = remembered.get(key);
    if (problems === undefined) {
      const found = judge(key);
      // Rule, clause, level and cause all survive: a clause decides the level (C-ADDR5.labels is a
      // MUST, C-ADDR5.label-shape a SHOULD), so keeping the rule alone would change verdicts.
      problems = found.length === 0 ? NONE : found.map(({ path: _, ...problem }) => problem);
      if (key.length <= limits.keyLength) {
        if (remembered.size >= limits.entries) remembered.clear();
        remembered.set(key, problems);
      }
    }
    if (problems.length === 0) return [];
    // Fresh objects per call: callers may change what they get back.
    return problems.map((problem) => ({ ...problem, path }));
  };
}
