/**
 * A bounded memo of pure verdicts about a string (an address, a domain): the rules and sentences
 * found, without the JSON pointer, which differs per call and is added on the way out. The memo is
 * dropped whole once full, and over-long keys are judged but never kept, so no caller can make it
 * grow without bound.
 */
import { type Violation, violation } from '../violation.ts';

type Problem = Pick<Violation, 'rule' | 'message' | 'cause'>;

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
      problems =
        found.length === 0 ? NONE : found.map(({ rule, message, cause }) => ({ rule, message, cause }));
      if (key.length <= limits.keyLength) {
        if (remembered.size >= limits.entries) remembered.clear();
        remembered.set(key, problems);
      }
    }
    if (problems.length === 0) return [];
    return problems.map(({ rule, message, cause }) => violation(rule, path, message, cause));
  };
}
