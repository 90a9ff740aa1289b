import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo.ts';

function counted(limits: { entries: number; keyLength: number }) {
  const calls = new Map<string, number>();
  const memo = boundedMemo((key) => {
    calls.set(key, (calls.get(key) ?? 0) + 1);
    return `value of ${key}`;
  }, limits);
  return { memo, calls: (key: string) => calls.get(key) ?? 0 };
}

describe('boundedMemo', () => {
  it('computes a key once while it is kept, and answers what the function answers', () => {
    const { memo, calls } = counted({ entries: 10, keyLength: 20 });
    expect(memo('a')).toBe('value of a');
    expect(memo('a')).toBe('value of a');
    expect(calls('a')).toBe(1);
  });

  it('keeps a key in steady use across generations', () => {
    const { memo, calls } = counted({ entries: 3, keyLength: 20 });
    for (let i = 0; i < 100; i++) {
      memo('hot');
      memo(`cold ${i}`);
    }
    expect(calls('hot')).toBe(1);
  });

  it('forgets what is not used for two generations: it never grows past twice its entries', () => {
    const { memo, calls } = counted({ entries: 3, keyLength: 20 });
    for (let i = 0; i < 7; i++) memo(`k${i}`);
    expect(memo('k0')).toBe('value of k0');
    expect(calls('k0')).toBe(2);
    expect(memo('k6')).toBe('value of k6');
    expect(calls('k6')).toBe(1);
  });

  it('computes keys longer than its key length every time', () => {
    const { memo, calls } = counted({ entries: 3, keyLength: 2 });
    expect(memo('abc')).toBe('value of abc');
    expect(memo('abc')).toBe('value of abc');
    expect(calls('abc')).toBe(2);
  });
});
