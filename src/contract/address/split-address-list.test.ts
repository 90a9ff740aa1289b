import { describe, expect, it } from 'vitest';
import { parseMailbox, splitAddressList as reExported } from './parse-mailbox.ts';
import { splitAddressList } from './split-address-list.ts';

describe('splitAddressList', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['   ', []],
    ['a@example.com', ['a@example.com']],
    ['a@example.com, b@example.com,c@example.com', ['a@example.com', 'b@example.com', 'c@example.com']],
    [
      '"Smith, Alice" <a@example.com>, Bob <b@example.com>',
      ['"Smith, Alice" <a@example.com>', 'Bob <b@example.com>'],
    ],
    ['"a\\",b" <a@example.com>, b@example.com', ['"a\\",b" <a@example.com>', 'b@example.com']],
    ['a@example.com (Alice, Work), b@example.com', ['a@example.com (Alice, Work)', 'b@example.com']],
    ['Alice <a@example.com>,\r\n Bob <b@example.com>', ['Alice <a@example.com>', 'Bob <b@example.com>']],
    ['Alice\r\n <a@example.com>', ['Alice <a@example.com>']],
    ['undisclosed-recipients:;', []],
    ['undisclosed-recipients: ;, a@example.com', ['a@example.com']],
    [
      'team: a@example.com, "x: y" <b@example.com>; c@example.com',
      ['a@example.com', '"x: y" <b@example.com>', 'c@example.com'],
    ],
    [
      'team: a@example.com, b@example.com;, c@example.com',
      ['a@example.com', 'b@example.com', 'c@example.com'],
    ],
    // An unclosed group is not a group: the whole text stays, for C-ADDR1 to report.
    ['team: a@example.com, b@example.com', ['team: a@example.com, b@example.com']],
    ['<@relay.example:a@example.com>, b@example.com', ['<@relay.example:a@example.com>', 'b@example.com']],
    ['a@example.com,,b@example.com', ['a@example.com', '', 'b@example.com']],
    ['a@example.com,', ['a@example.com', '']],
    ['a@example.com\r\nBcc: x@evil.com', ['a@example.com\r\nBcc: x@evil.com']],
  ])('%j', (value, elements) => {
    expect(splitAddressList(value)).toEqual(elements);
  });

  it('is also exported next to parseMailbox, and its elements feed it', () => {
    expect(reExported).toBe(splitAddressList);
    const parsed = splitAddressList('Alice <a@example.com>, "Bob, Jr." <b@example.com>').map(parseMailbox);
    expect(parsed.map((p) => p.ok && p.mailbox.displayName)).toEqual(['Alice', '"Bob, Jr."']);
  });
});
