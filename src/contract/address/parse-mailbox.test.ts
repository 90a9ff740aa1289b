import { describe, expect, it } from 'vitest';
import { type Mailbox, parseMailbox } from './parse-mailbox.ts';

describe('parseMailbox: values that are one mailbox', () => {
  it.each<[string, Mailbox]>([
    ['alice@example.com', { localPart: 'alice', domain: 'example.com', addrSpec: 'alice@example.com' }],
    ['<alice@example.com>', { localPart: 'alice', domain: 'example.com', addrSpec: 'alice@example.com' }],
    [
      'Alice Smith <alice@example.com>',
      {
        displayName: 'Alice Smith',
        localPart: 'alice',
        domain: 'example.com',
        addrSpec: 'alice@example.com',
      },
    ],
    [
      'Alice<a@example.com>',
      { displayName: 'Alice', localPart: 'a', domain: 'example.com', addrSpec: 'a@example.com' },
    ],
    [
      '"Smith, Alice <boss>" <a@example.com>',
      {
        displayName: '"Smith, Alice <boss>"',
        localPart: 'a',
        domain: 'example.com',
        addrSpec: 'a@example.com',
      },
    ],
    [
      '"a@b\\"c d"@example.com',
      { localPart: '"a@b\\"c d"', domain: 'example.com', addrSpec: '"a@b\\"c d"@example.com' },
    ],
    [
      '=?UTF-8?B?SsO8cmdlbg==?= <j@example.com>',
      {
        displayName: '=?UTF-8?B?SsO8cmdlbg==?=',
        localPart: 'j',
        domain: 'example.com',
        addrSpec: 'j@example.com',
      },
    ],
    // The parser locates pieces; what is inside them is for C-ADDR2/4/5/8 to check.
    ['bücher@example.com', { localPart: 'bücher', domain: 'example.com', addrSpec: 'bücher@example.com' }],
    ['a..b@bücher.de', { localPart: 'a..b', domain: 'bücher.de', addrSpec: 'a..b@bücher.de' }],
    ['Jürgen <j@-x.com>', { displayName: 'Jürgen', localPart: 'j', domain: '-x.com', addrSpec: 'j@-x.com' }],
    // CFWS around the value and inside the brackets is trimmed, as SES's parser trims it.
    [' a@example.com\t', { localPart: 'a', domain: 'example.com', addrSpec: 'a@example.com' }],
    [
      ' Bob  < a@example.com > ',
      { displayName: 'Bob', localPart: 'a', domain: 'example.com', addrSpec: 'a@example.com' },
    ],
    // Quoted specials and an unquoted '.' in a display name are fine.
    [
      'John Q. "@[x]" <a@example.com>',
      { displayName: 'John Q. "@[x]"', localPart: 'a', domain: 'example.com', addrSpec: 'a@example.com' },
    ],
  ])('%j', (text, mailbox) => {
    expect(parseMailbox(text)).toEqual({ ok: true, mailbox });
  });
});

describe('parseMailbox: values that are not one mailbox', () => {
  it.each<[string, { index: number; unsupported: boolean; reason: RegExp }]>([
    ['', { index: 0, unsupported: false, reason: /empty/ }],
    ['alice.example.com', { index: 0, unsupported: false, reason: /no '@'/ }],
    ['a@b@example.com', { index: 3, unsupported: false, reason: /more than one '@'/ }],
    ['@example.com', { index: 0, unsupported: false, reason: /local part .* empty/ }],
    ['alice@', { index: 6, unsupported: false, reason: /domain .* empty/ }],
    ['Alice <a@example.com', { index: 6, unsupported: false, reason: /never closed/ }],
    ['a@example.com>', { index: 13, unsupported: false, reason: /without a '<'/ }],
    ['Alice <a@example.com> x', { index: 21, unsupported: false, reason: /text after/ }],
    ['A <b> <a@example.com>', { index: 6, unsupported: false, reason: /second '<'/ }],
    ['Alice <>', { index: 6, unsupported: false, reason: /holds no address/ }],
    [
      '"Alice <a@example.com>',
      { index: 0, unsupported: false, reason: /quoted-string opened by the '"' at index 0 is never closed/ },
    ],
    ['Bob "Smith <a@example.com>', { index: 4, unsupported: false, reason: /'"' at index 4/ }],
    ['   ', { index: 0, unsupported: false, reason: /only white space/ }],
    [
      'Bob@home <a@example.com>',
      { index: 3, unsupported: false, reason: /display name has an unquoted '@' at index 3/ },
    ],
    ['Bob [x] <a@example.com>', { index: 4, unsupported: false, reason: /unquoted '\[' at index 4/ }],
    ['Bob <a@example.com> x', { index: 19, unsupported: false, reason: /text after/ }],
    [
      '=?UTF-8?B?YWxpY2VAZXhhbXBsZS5vcmc=?=',
      { index: 0, unsupported: false, reason: /whole address is an encoded-word/ },
    ],
    [
      'Bob <=?UTF-8?Q?a=40b.org?=>',
      { index: 5, unsupported: false, reason: /whole address is an encoded-word/ },
    ],
    ['a@example.com, b@example.com', { index: 13, unsupported: false, reason: /','/ }],
    ['undisclosed-recipients:;', { index: 22, unsupported: false, reason: /group/ }],
    ['a;b@example.com', { index: 1, unsupported: false, reason: /';' at index 1/ }],
    ['a@example.com)', { index: 13, unsupported: true, reason: /comment \('\)' at index 13\)/ }],
    ['user@[192.0.2.1]', { index: 5, unsupported: true, reason: /domain literal/ }],
    ['user@192.0.2.1', { index: 5, unsupported: true, reason: /IP address/ }],
    ['user(comment)@example.com', { index: 4, unsupported: true, reason: /comment/ }],
    ['<@relay.example:a@example.com>', { index: 15, unsupported: true, reason: /source route/ }],
  ])('%j', (text, { index, unsupported, reason }) => {
    const parsed = parseMailbox(text);
    expect(parsed).toMatchObject({ ok: false, index, unsupported });
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });
});
