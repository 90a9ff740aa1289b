import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, readJsonBody } from './json-request-body.ts';
import { LOCATED_UP_TO } from './json-syntax-error.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readJsonBody nesting bound', () => {
  it('accepts nesting up to the bound and refuses one level more (C-REQ2)', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(readJsonBody(bytes(nested(MAX_JSON_DEPTH)))).toMatchObject({ ok: true });
    expect(readJsonBody(bytes(nested(MAX_JSON_DEPTH + 1)))).toMatchObject({
      ok: false,
      violation: { rule: 'C-REQ2' },
    });
  });

  it('counts brackets inside strings as text, not nesting', () => {
    const body = { Subject: '{['.repeat(200), Items: [[1], [2], { a: [3] }] };
    expect(readJsonBody(bytes(JSON.stringify(body)))).toEqual({ ok: true, value: body });
  });

  it('sees deep nesting after many shallow brackets', () => {
    const text = `{"a":[${'[],'.repeat(100)}${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}]}`;
    expect(readJsonBody(bytes(text))).toMatchObject({ ok: false, violation: { rule: 'C-REQ2' } });
  });
});

describe('readJsonBody syntax errors (C-REQ1)', () => {
  const message = (text: string) => {
    const result = readJsonBody(bytes(text));
    if (result.ok) throw new Error(`${JSON.stringify(text)} was read as JSON`);
    expect(result.violation).toMatchObject({ rule: 'C-REQ1', path: '' });
    return result.violation.message;
  };

  it.each([
    ['{"Destination":', /^the body is not JSON: Unexpected end of JSON input at line 1, column 16$/],
    ['{"Content": x}', /^the body is not JSON: Unexpected token 'x', .* at line 1, column 13$/],
    ['{\n  "a": 1,\n}', /^the body is not JSON: Expected double-quoted property name at line 3, column 1$/],
    ['   ', /^the body is not JSON: the body is empty$/],
    // V8 says "after JSON at position 8" here: the position is given once, as line and column.
    [
      '{"a":1} x',
      /^the body is not JSON: Unexpected non-whitespace character after JSON at line 1, column 9$/,
    ],
  ])('names where %j stops being JSON', (text, expected) => {
    expect(message(text)).toMatch(expected);
  });

  it('leaves the position out of a long body broken in the middle rather than search it', () => {
    // V8 names no position for an unexpected token: finding it would take log2(n) parses.
    const broken = (filler: number) => `{"a":"${'x'.repeat(filler)}","b": x}`;
    expect(message(broken(LOCATED_UP_TO))).toMatch(
      /^the body is not JSON: Unexpected token 'x', .*is not valid JSON$/,
    );
    expect(message(broken(10))).toMatch(
      /^the body is not JSON: Unexpected token 'x', .* at line 1, column 24$/,
    );
  });
});
