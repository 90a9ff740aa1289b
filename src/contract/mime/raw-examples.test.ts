import { describe, expect, it } from 'vitest';
import { loadExamples } from '../examples/example-catalog.ts';
import { checkRawMessage } from './check-raw-message.ts';

/** The raw MIME part of the example catalog, judged by the MIME rules alone. */
const examples = loadExamples().filter(
  (e) => e.name.startsWith('valid/raw-') || e.label.startsWith('C-MIME'),
);
const dataOf = (body: unknown) => (body as { Content: { Raw: { Data: string } } }).Content.Raw.Data;

describe('raw MIME examples', () => {
  it.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    expect(example.operation).toBe('send-email');
    expect((example.body as { FromEmailAddress: string }).FromEmailAddress).toBe('sender@example.com');
    const report = checkRawMessage(dataOf(example.body), '/Content/Raw/Data');
    const want = example.label === 'valid' ? [] : [example.label];
    expect([...new Set(report.violations.map((v) => v.rule))]).toEqual(want);
  });

  it('has at least 3 valid examples and 2 per MIME rule except C-MIME9', () => {
    const count = (label: string) => examples.filter((e) => e.label === label).length;
    expect(count('valid')).toBeGreaterThanOrEqual(3);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 10])
      expect(count(`C-MIME${n}`), `C-MIME${n}`).toBeGreaterThanOrEqual(2);
  });
});
