/**
 * One cell of the rule registry's table, as generated: a rule, one of its clauses and one place it
 * applies, with a generator of cases that break exactly that clause in exactly that place. The
 * catalogs the suite sends are these cells grouped into one class per rule (MUST) or per rule and
 * clause (SHOULD, where the rule has a MUST clause too), so a run sends every cell of a class.
 */
import fc from 'fast-check';
import { type Place, RULES, type RuleId, resolveRuleRef } from '../../src/contract/rule-registry.ts';
import type { InvalidCase } from '../case.ts';

export type InvalidCell = {
  rule: RuleId;
  clause: string;
  level: 'MUST' | 'SHOULD';
  place: Place;
  cases: fc.Arbitrary<InvalidCase>;
};

/** Invalid classes by name: a rule id (`C-CONT4`), or a rule and clause (`C-ADDR5.label-shape`). */
export type InvalidCatalog = Partial<Record<string, fc.Arbitrary<InvalidCase>>>;

/** Builds a cell, taking the level from the registry (a clause that is not MUST or SHOULD is a bug here). */
export function cell(
  ref: `${RuleId}.${string}` | RuleId,
  place: Place,
  cases: fc.Arbitrary<InvalidCase>,
): InvalidCell {
  const { rule, clause, level } = resolveRuleRef(ref as never);
  if (level !== 'MUST' && level !== 'SHOULD')
    throw new Error(`${rule}.${clause} is ${level}: never generated`);
  return { rule, clause, level, place, cases };
}

/** Does this rule have a MUST clause as well as SHOULD ones? Then a SHOULD class names its clause. */
function hasMustClause(rule: RuleId): boolean {
  return Object.values(RULES[rule].clauses as Record<string, { level: string }>).some(
    (c) => c.level === 'MUST',
  );
}

/** The class a cell's cases are sent under. */
export function classOf(c: Pick<InvalidCell, 'rule' | 'clause' | 'level'>): string {
  return c.level === 'SHOULD' && hasMustClause(c.rule) ? `${c.rule}.${c.clause}` : c.rule;
}

/** The rule id of a class name (`C-ADDR5.label-shape` → `C-ADDR5`). */
export function ruleOfClass(name: string): RuleId {
  return name.split('.')[0] as RuleId;
}

/**
 * One generator per class, over every cell of the class. Cross-shrinking, first cell first: a
 * shrunk counterexample lands in the class's first (plainest) cell.
 */
export function catalogOf(cells: readonly InvalidCell[], level: 'MUST' | 'SHOULD'): InvalidCatalog {
  const groups = new Map<string, fc.Arbitrary<InvalidCase>[]>();
  for (const c of cells) {
    if (c.level !== level) continue;
    const name = classOf(c);
    groups.set(name, [...(groups.get(name) ?? []), c.cases]);
  }
  return Object.fromEntries(
    [...groups].map(([name, arbitraries]) => [
      name,
      arbitraries.length === 1
        ? (arbitraries[0] as fc.Arbitrary<InvalidCase>)
        : fc.oneof({ withCrossShrink: true }, ...arbitraries),
    ]),
  );
}
