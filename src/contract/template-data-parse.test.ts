import { describe, expect, it } from 'vitest';
import { parseAndHandOver, takeParsed } from './template-data-parse.ts';

describe('TemplateData parsed once per request', () => {
  it('hands the parsed value to one taker, then parses afresh', () => {
    const text = '{"a":{"b":1}}';
    const checked = parseAndHandOver(text);
    const first = takeParsed(text);
    const second = takeParsed(text);
    expect(first).toBe(checked);
    expect(second).toEqual(checked);
    expect(second.ok && first.ok && second.value !== first.value).toBe(true);
  });

  it('reports what JSON.parse reports, handed over or not', () => {
    let message = '';
    try {
      JSON.parse('{"a":');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(parseAndHandOver('{"a":')).toEqual({ ok: false, error: message });
    expect(takeParsed('{"a":')).toEqual({ ok: false, error: message });
    expect(takeParsed('{"a":')).toEqual({ ok: false, error: message });
  });

  it('keeps working once more results wait than it keeps', () => {
    for (let i = 0; i < 200; i++) parseAndHandOver(`{"n":${i}}`);
    expect(takeParsed('{"n":199}')).toEqual({ ok: true, value: { n: 199 } });
    expect(takeParsed('{"n":3}')).toEqual({ ok: true, value: { n: 3 } });
  });
});
