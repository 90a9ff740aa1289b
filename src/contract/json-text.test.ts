import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json-text.ts';

describe('parseJsonText', () => {
  it('is undefined for an absent field', () => {
    expect(parseJsonText(undefined)).toBeUndefined();
  });

  it('gives the value JSON.parse gives', () => {
    expect(parseJsonText('{"a":{"b":1}}')).toEqual({ ok: true, value: { a: { b: 1 } } });
    expect(parseJsonText('[1]')).toEqual({ ok: true, value: [1] });
  });

  it('reports what JSON.parse reports', () => {
    let message = '';
    try {
      JSON.parse('{"a":');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(parseJsonText('{"a":')).toEqual({ ok: false, error: message });
  });
});
