import { describe, expect, it } from 'vitest';
import { parseMailbox } from '../address/parse-mailbox.ts';
import { checkControlCharacters, checkMailboxSyntax } from './addr1-mailbox-syntax.ts';

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
    [
      'Bob@home <a@example.com>',
      /display name has an unquoted '@' at index 3: put the name in double quotes/,
    ],
    ['"Bob <a@example.com>', /quoted-string opened by the '"' at index 0 is never closed/],
    [
      '=?UTF-8?B?YUBleGFtcGxlLmNvbQ==?=',
      /the whole address is an encoded-word; only the display name may be encoded/,
    ],
    ['', /not a mailbox \(it is empty\)/],
    ['a@b@example.com', /more than one '@'/],
    ['user@[192.0.2.1]', /domain literal .* leaves OPEN \(C-ADDR9\) and this project rejects/],
    ['user(x)@example.com', /comment .*C-ADDR9/],
  ])('reports %j once, under C-ADDR1.syntax, at the field path', (value, message) => {
    const violations = check(value);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      rule: 'C-ADDR1',
      clause: 'syntax',
      level: 'MUST',
      path: '/FromEmailAddress',
    });
    expect(violations[0]?.message).toMatch(message);
    expect(violations[0]?.message).toMatch(/send one 'local@domain' or 'Name <local@domain>'$/);
  });

  it.each<[string, RegExp]>([
    ['a@example.com\r\nBcc: x@evil.com', /a carriage return \(CR\) at index 13/],
    ['Bob\nSmith <a@example.com>', /a line feed \(LF\) at index 3/],
    ['a@example.com\u0000', /a NUL character at index 13/],
  ])('reports %j under C-ADDR1.control, a SHOULD, naming the character and where', (value, message) => {
    const violations = checkControlCharacters(value, '/Destination/ToAddresses/0');
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      rule: 'C-ADDR1',
      clause: 'control',
      level: 'SHOULD',
      path: '/Destination/ToAddresses/0',
    });
    expect(violations[0]?.message).toMatch(message);
  });

  it('finds no control character in tabs or other white space', () => {
    expect(checkControlCharacters('Bob\tSmith <a@example.com>', '/p')).toEqual([]);
  });

  it('shows CR and LF escaped, so the message itself stays one line', () => {
    const [v] = checkControlCharacters('a@example.com\r\nBcc: x@evil.com', '/p');
    expect(v?.message).toContain(`'a@example.com\\r\\nBcc: x@evil.com'`);
    expect(v?.message).not.toMatch(/[\r\n]/);
  });
});
