import { describe, expect, it } from 'vitest';
import { RULE_LEVELS, type RuleId } from '../rule-catalog.ts';
import { validateSendBulkEmail } from '../validate-send-bulk-email.ts';
import { validateSendEmail } from '../validate-send-email.ts';
import { type Example, loadExamples } from './example-catalog.ts';

const examples = loadExamples();

function violationsOf(example: Example, strict: boolean) {
  const validate = example.operation === 'send-bulk-email' ? validateSendBulkEmail : validateSendEmail;
  return validate(example.body, { strict });
}

function ruleIds(example: Example, strict: boolean): string[] {
  return [...new Set(violationsOf(example, strict).map((v) => v.rule))].sort();
}

/** Built in code instead (a > 40 MiB body does not belong in the repository): see build-raw-message.ts. */
const GENERATED_EXAMPLES: ReadonlySet<RuleId> = new Set(['C-MIME9']);

describe('example catalog', () => {
  it.each(examples.filter((e) => e.label === 'valid').map((e) => [e.name, e] as const))(
    '%s is valid, also under --strict',
    (_name, example) => {
      expect(ruleIds(example, true)).toEqual([]);
    },
  );

  it.each(examples.filter((e) => e.label !== 'valid').map((e) => [e.name, e] as const))(
    '%s breaks exactly its rule',
    (_name, example) => {
      expect(ruleIds(example, true)).toEqual([...example.reports].sort());
      // Without --strict exactly the MUST-level ones remain (C-CONT6 has a SHOULD half, for one).
      const must = violationsOf(example, true).filter((v) => v.level === 'MUST');
      expect(ruleIds(example, false)).toEqual([...new Set(must.map((v) => v.rule))].sort());
    },
  );

  it('has at least 2 invalid examples for every MUST and SHOULD request rule', () => {
    const counts = new Map<string, number>();
    for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
    const missing = Object.entries(RULE_LEVELS)
      .filter(
        ([id, level]) => level !== 'OPEN' && !/^C-(W|A)\d/.test(id) && !GENERATED_EXAMPLES.has(id as RuleId),
      )
      .filter(([id]) => (counts.get(id) ?? 0) < 2)
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  it('has at least 3 valid examples exercising every MUST and SHOULD request rule', () => {
    const exercised = new Map<string, number>();
    for (const e of examples) for (const id of e.exercises) exercised.set(id, (exercised.get(id) ?? 0) + 1);
    const thin = Object.entries(RULE_LEVELS)
      .filter(([id, level]) => level !== 'OPEN' && !/^C-(W|A)\d/.test(id))
      .filter(([id]) => (exercised.get(id) ?? 0) < 3)
      .map(([id]) => `${id} (${exercised.get(id) ?? 0})`);
    expect(thin).toEqual([]);
    expect(examples.filter((e) => e.label !== 'valid' && e.exercises.length > 0)).toEqual([]);
  });
});
