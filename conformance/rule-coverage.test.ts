/**
 * Every rule in every place and clause (issue 13, item 4): the registry's (rule, clause, place)
 * cells against what a strict conformance run generates and what the example catalog holds. Each
 * failure lists every missing cell, so one run says all that is left. The table itself:
 * `npm run coverage:rules` (docs/rule-coverage.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../src/contract/rule-registry.ts';
import {
  computeRuleCoverage,
  describeCell,
  type RuleCoverage,
  registryCells,
  thinClauses,
  ungeneratedCells,
  unreachedCells,
} from './rule-coverage.ts';

let coverage: RuleCoverage;

beforeAll(() => {
  coverage = computeRuleCoverage();
}, 300_000);

describe('rule registry coverage', () => {
  it('lists a cell for every place of every MUST, SHOULD and ADVISE clause', () => {
    const places = Object.values(RULES).flatMap((entry) =>
      Object.values(entry.clauses as Record<string, { level: string; places: readonly string[] }>)
        .filter((c) => c.level !== 'OPEN')
        .flatMap((c) => c.places),
    );
    expect(registryCells()).toHaveLength(places.length);
    // The registry has request places at all: an empty table would pass every test below.
    expect(registryCells().filter((c) => c.level === 'MUST').length).toBeGreaterThan(100);
  });

  it('has a generated invalid case for every (rule, clause, place) cell of a MUST or SHOULD clause', () => {
    expect(ungeneratedCells(coverage).map(describeCell)).toEqual([]);
  });

  it('has a valid generated case reaching every place of a MUST or SHOULD clause', () => {
    expect(unreachedCells(coverage).map(describeCell)).toEqual([]);
  });

  it('has at least 2 invalid catalog examples for every MUST and SHOULD clause', () => {
    expect(
      thinClauses(coverage, 2).map(
        (c) => `${c.rule}.${c.clause} (${c.level}): ${c.examples.length} [${c.examples.join(', ')}]`,
      ),
    ).toEqual([]);
  });

  it('finds every violation of a generated case or an example inside a place its clause lists', () => {
    const seen = new Set<string>();
    const outside = coverage.unplaced
      .map((u) => `${u.rule}.${u.clause} at ${u.path || '/'} (${u.source})`)
      .filter((line) => !seen.has(line) && seen.add(line));
    expect(outside).toEqual([]);
  });

  it('never generates a case that draws advice, valid or invalid (RULES.md, ADVISE)', () => {
    expect(coverage.advisedCases).toEqual([]);
  });

  it('samples every property of a strict run, deterministically', () => {
    expect(Object.keys(coverage.sampled).length).toBeGreaterThan(40);
    expect(Object.entries(coverage.sampled).filter(([, n]) => n === 0)).toEqual([]);
    const again = computeRuleCoverage({ runs: 3, examples: false });
    expect(computeRuleCoverage({ runs: 3, examples: false }).cells).toEqual(again.cells);
  }, 120_000);
});
