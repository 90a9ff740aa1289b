import { describe, expect, it } from 'vitest';
import { base64Problem, decodeBase64 } from './base64.ts';

describe('base64Problem', () => {
  it.each([
    ['', undefined],
    ['SGVsbG8=', undefined],
    ['SGVsbA==', undefined],
    ['SGVsbG8h', undefined],
    ['+/+/', undefined],
  ])('accepts %j', (text, want) => {
    expect(base64Problem(text)).toBe(want);
  });

  it.each([
    ['SGVsbG8', 'not a multiple of 4'],
    ['SGVs bG8=', 'not a multiple of 4'],
    ['SGV\nbG8=', 'U+000A at offset 3'],
    ['SG=sbG8=', "'=' at offset 2"],
    ['SGVsbG-_', "'-' at offset 6"],
    ['QR==', 'non-zero padding bits'],
    ['SGVsbG9=', 'non-zero padding bits'],
    ['S===', 'not allowed'],
  ])('rejects %j', (text, reason) => {
    expect(base64Problem(text)?.reason).toContain(reason);
  });
});

describe('decodeBase64', () => {
  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = btoa(String.fromCharCode(...bytes));
    expect(base64Problem(text)).toBeUndefined();
    expect(decodeBase64(text)).toEqual(bytes);
  });
});
