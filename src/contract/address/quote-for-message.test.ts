import { describe, expect, it } from 'vitest';
import { quoteForMessage } from './quote-for-message.ts';

describe('quoteForMessage', () => {
  it.each<[string, string]>([
    ['bücher.de', `'bücher.de'`],
    ['a\r\nb\tc\u0000', `'a\\r\\nb\\tc\\x00'`],
    ['\u0085', `'\\x85'`],
    ['x'.repeat(100), `'${'x'.repeat(60)}…${'x'.repeat(19)}'`],
  ])('%j', (text, shown) => {
    expect(quoteForMessage(text)).toBe(shown);
  });
});
