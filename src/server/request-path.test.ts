import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestPath } from './request-path.ts';

const byUrlParser = (target: string) => {
  try {
    return new URL(target, 'http://mock.invalid').pathname;
  } catch {
    return '/';
  }
};

describe('requestPath', () => {
  it.each([
    ['/v2/email/outbound-emails', '/v2/email/outbound-emails'],
    ['/v2/email/outbound-emails?x=1', '/v2/email/outbound-emails'],
    ['/v2/email/./outbound-emails', '/v2/email/outbound-emails'],
    ['/v2/email/x/../outbound-emails', '/v2/email/outbound-emails'],
    ['/v2/email/outbound%2Demails', '/v2/email/outbound%2Demails'],
    ['//evil.example/_mock', '/_mock'],
    ['/_mock#frag', '/_mock'],
    ['/a\\b', '/a/b'],
    ['/', '/'],
    ['*', '/*'],
    ['http://other.example/_mock/messages', '/_mock/messages'],
  ])('%j → %j, as the URL parser says', (target, path) => {
    expect(requestPath(target)).toBe(path);
    expect(requestPath(target)).toBe(byUrlParser(target));
  });

  it('agrees with the URL parser on any target', () => {
    const pieces = fc.constantFrom(
      '/',
      '//',
      'v2',
      'email',
      '_mock',
      '-',
      '.',
      '..',
      '%2e',
      '\\',
      '?',
      '#',
      'é',
      ' ',
      'A',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const target = parts.join('');
        expect(requestPath(target)).toBe(byUrlParser(target));
      }),
      { numRuns: 2_000 },
    );
  });
});
