/**
 * Every example says what the engine finds in it: valid ones nothing (strict) but the advice they
 * list, invalid ones exactly their rule. How many invalid examples each clause has (at least two
 * per MUST/SHOULD clause) is counted per (rule, clause, place) cell in
 * conformance/rule-coverage.test.ts, next to the generators.
 */
import { describe, expect, it } from 'vitest';
import { RULE_LEVELS, RULES, type RuleId } from '../rule-catalog.ts';
import { checkSendBulkEmail } from '../validate-send-bulk-email.ts';
import { checkSendEmail } from '../validate-send-email.ts';
import type { CheckResult } from '../validation-options.ts';
import { builtExamples, type Example, loadExamples } from './example-catalog.ts';

const examples = loadExamples();

function check(example: Example, strict: boolean): CheckResult {
  const run = example.operation === 'send-bulk-email' ? checkSendBulkEmail : checkSendEmail;
  return run(example.body, { strict });
}

const ruleSet = (found: readonly { rule: RuleId }[]): string[] =>
  [...new Set(found.map((v) => v.rule))].sort();

const named = (list: readonly Example[]) => list.map((e) => [e.name, e] as const);

describe('example catalog', () => {
  it.each(named(examples.filter((e) => e.label === 'valid')))(
    '%s is valid, also under --strict, and draws exactly its advice',
    (_name, example) => {
      const result = check(example, true);
      expect(result.violations).toEqual([]);
      expect(ruleSet(result.advice)).toEqual([...new Set(example.advice)].sort());
    },
  );

  it.each(named(examples.filter((e) => e.label !== 'valid')))(
    '%s breaks exactly its rule',
    (_name, example) => {
      const strict = check(example, true);
      expect(ruleSet(strict.violations)).toEqual([...example.reports].sort());
      expect(ruleSet(strict.advice)).toEqual([...new Set(example.advice)].sort());
      // Without --strict exactly the MUST-level ones remain (C-CONT6 has a SHOULD half, for one).
      const must = strict.violations.filter((v) => v.level === 'MUST');
      expect(ruleSet(check(example, false).violations)).toEqual(ruleSet(must));
    },
  );

  it.each(named(builtExamples()))('%s (built in code) breaks exactly its rule', (_name, example) => {
    const result = check(example, false);
    expect(ruleSet(result.violations)).toEqual(example.reports);
    expect(result.advice).toEqual([]);
  });

  it('lists only ADVISE rules as advice', () => {
    const advises = (id: RuleId) =>
      Object.values(RULES[id].clauses as Record<string, { level: string }>).some((c) => c.level === 'ADVISE');
    const wrong = examples.flatMap((e) =>
      e.advice.filter((id) => !advises(id)).map((id) => `${e.name}: ${id}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has at least 3 valid examples exercising every MUST and SHOULD request rule', () => {
    const exercised = new Map<string, number>();
    for (const e of examples) for (const id of e.exercises) exercised.set(id, (exercised.get(id) ?? 0) + 1);
    const thin = Object.entries(RULE_LEVELS)
      .filter(([id, level]) => (level === 'MUST' || level === 'SHOULD') && !/^C-(W|A|ID)\d/.test(id))
      .filter(([id]) => (exercised.get(id) ?? 0) < 3)
      .map(([id]) => `${id} (${exercised.get(id) ?? 0})`);
    expect(thin).toEqual([]);
    expect(examples.filter((e) => e.label !== 'valid' && e.exercises.length > 0)).toEqual([]);
  });
});
