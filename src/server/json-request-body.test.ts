import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, readJsonBody } from './json-request-body.ts';

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
