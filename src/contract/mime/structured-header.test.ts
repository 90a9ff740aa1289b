import { describe, expect, it } from 'vitest';
import { parseStructuredHeader } from './structured-header.ts';

describe('parseStructuredHeader', () => {
  it('reads the value in lower case and its parameters', () => {
    const parsed = parseStructuredHeader('Multipart/Mixed; Boundary="a;b \\"c\\""; charset=utf-8');
    expect(parsed.mediaType).toBe('multipart/mixed');
    expect(Object.fromEntries(parsed.params)).toEqual({ boundary: 'a;b "c"', charset: 'utf-8' });
  });

  it('keeps the first of repeated plain parameters', () => {
    expect(parseStructuredHeader('text/plain; name=a.txt; name=b.exe').params.get('name')).toBe('a.txt');
  });

  it.each([
    ["attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", 'résumé.pdf'],
    ["attachment; filename*=iso-8859-1'en'r%E9sum%E9.pdf", 'résumé.pdf'],
    ["attachment; filename*=''plain.txt", 'plain.txt'],
    ['attachment; filename*0="long "; filename*1="name.txt"', 'long name.txt'],
    ["attachment; filename*1*=%2Eexe; filename*0*=UTF-8''setup", 'setup.exe'],
    ["attachment; filename*=unknown-charset''a%41.txt", 'aA.txt'],
  ])('decodes RFC 2231 %j under filename*', (value, decoded) => {
    expect(parseStructuredHeader(value).params.get('filename*')).toBe(decoded);
  });

  it('keeps the plain and the RFC 2231 form apart', () => {
    const params = parseStructuredHeader('attachment; filename="a.pdf"; filename*=UTF-8\'\'a.js').params;
    expect(params.get('filename')).toBe('a.pdf');
    expect(params.get('filename*')).toBe('a.js');
  });

  it('ignores parameters without a value and tolerates garbage', () => {
    expect(Object.fromEntries(parseStructuredHeader('text/plain; flowed; ; =x').params)).toEqual({ '': 'x' });
    expect(parseStructuredHeader('').mediaType).toBe('');
  });
});
