import { describe, expect, it } from 'vitest';
import { parseMailbox } from '../address/parse-mailbox.ts';
import { checkMailboxSyntax } from './addr1-mailbox-syntax.ts';

const check = (value: string) => checkMailboxSyntax(value, parseMailbox(value), '/FromEmailAddress');

describe('C-ADDR1 mailbox syntax', () => {
  it.each([
    'a@example.com',
    'Alice <a@example.com>',
    '<a@example.com>',
    '"a b"@example.com',
    'bücher@bücher.de',
  ])('accepts the form of %j', (value) => {
    expect(check(value)).toEqual([]);
  });

  it.each<[string, RegExp]>([
    ['a@example.com\r\nBcc: x@evil.com', /not a mailbox \(it contains a carriage return \(CR\) at index 13/],
    ['', /not a mailbox \(it is empty\)/],
    ['a@b@example.com', /more than one '@'/],
    ['user@[192.0.2.1]', /domain literal .* leaves OPEN \(C-ADDR9\) and this project rejects/],
    ['user(x)@example.com', /comment .*C-ADDR9/],
  ])('reports %j once, under C-ADDR1, at the field path', (value, message) => {
    const violations = check(value);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule: 'C-ADDR1', level: 'MUST', path: '/FromEmailAddress' });
    expect(violations[0]?.message).toMatch(message);
    expect(violations[0]?.message).toMatch(/send one 'local@domain' or 'Name <local@domain>'$/);
  });

  it('shows CR and LF escaped, so the message itself stays one line', () => {
    const [v] = check('a@example.com\r\nBcc: x@evil.com');
    expect(v?.message).toContain(`'a@example.com\\r\\nBcc: x@evil.com'`);
    expect(v?.message).not.toMatch(/[\r\n]/);
  });
});
