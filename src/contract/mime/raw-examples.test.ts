import { describe, expect, it } from 'vitest';
import { loadExamples } from '../examples/example-catalog.ts';
import { checkRawMessage } from './check-raw-message.ts';

/** The raw MIME part of the example catalog, checked by the MIME rules alone. */
const examples = loadExamples().filter(
  (e) => e.name.startsWith('valid/raw-') || e.label.startsWith('C-MIME'),
);
const dataOf = (body: unknown) => (body as { Content: { Raw: { Data: string } } }).Content.Raw.Data;

describe('raw MIME examples', () => {
  it.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    expect(example.operation).toBe('send-email');
    const from = (example.body as { FromEmailAddress?: string }).FromEmailAddress;
    // Without FromEmailAddress the sender is the From header (C-REQ4 allows it for Raw only).
    if (from !== undefined) expect(from).toBe('sender@example.com');
    const report = checkRawMessage(dataOf(example.body), '/Content/Raw/Data');
    const found = (advice: boolean) => [
      ...new Set(report.violations.filter((v) => (v.level === 'ADVISE') === advice).map((v) => v.rule)),
    ];
    const want = example.label === 'valid' ? [] : [example.label];
    expect(found(false)).toEqual(want);
    expect(found(true).filter((id) => id.startsWith('C-MIME'))).toEqual(
      example.advice.filter((id) => id.startsWith('C-MIME')),
    );
  });

  it('has at least 3 valid examples, 2 per MIME rule except C-MIME9, and C-MIME3 advice in valid ones', () => {
    const count = (label: string) => examples.filter((e) => e.label === label).length;
    expect(count('valid')).toBeGreaterThanOrEqual(3);
    for (const n of [1, 2, 4, 5, 6, 7, 8, 10, 11])
      expect(count(`C-MIME${n}`), `C-MIME${n}`).toBeGreaterThanOrEqual(2);
    expect(
      examples.filter((e) => e.label === 'valid' && e.advice.includes('C-MIME3')).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
