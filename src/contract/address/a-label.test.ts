import { describe, expect, it } from 'vitest';
import { decodeALabel, isAceLabel } from './a-label.ts';

describe('A-labels', () => {
  it.each<[string, boolean]>([
    ['xn--bcher-kva', true],
    ['XN--BCHER-KVA', true],
    ['Xn--', true],
    ['xn-bcher', false],
    ['bücher', false],
  ])('%j has the ACE prefix: %s', (label, expected) => {
    expect(isAceLabel(label)).toBe(expected);
  });

  it.each<[string, string]>([
    ['xn--bcher-kva', 'bücher'],
    ['XN--BCHER-KVA', 'BüCHER'],
    ['xn--ls8h', '💩'],
    ['xn--zca', 'ß'],
  ])('decodes %j to %j', (label, unicode) => {
    expect(decodeALabel(label)).toEqual({ ok: true, unicode });
  });

  it.each<[string, { problem: RegExp; ascii?: string }]>([
    ['xn--', { problem: /nothing after 'xn--'/, ascii: '' }],
    ['xn--zz', { problem: /'zz' that does not decode/ }],
    ['xn---', { problem: /'-' that does not decode/ }],
    ['xn--abc-', { problem: /plain ASCII 'abc'/, ascii: 'abc' }],
    ['xn--a-b-', { problem: /plain ASCII 'a-b'/, ascii: 'a-b' }],
  ])('rejects %j', (label, { problem, ascii }) => {
    const decoded = decodeALabel(label);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.problem).toMatch(problem);
    expect(decoded.ascii).toBe(ascii);
  });
});
