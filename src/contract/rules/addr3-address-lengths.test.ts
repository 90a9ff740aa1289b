import { describe, expect, it } from 'vitest';
import type { Mailbox } from '../address/parse-mailbox.ts';
import { checkAddressLengths } from './addr3-address-lengths.ts';

function mailbox(localPart: string, domain: string): Mailbox {
  return { localPart, domain, addrSpec: `${localPart}@${domain}` };
}

/** A domain of exactly `octets` octets: 63-octet labels, then a shorter one. */
function domainOf(octets: number): string {
  const labels: string[] = [];
  let left = octets;
  while (left > 64) {
    labels.push('a'.repeat(63));
    left -= 64;
  }
  labels.push('b'.repeat(left));
  return labels.join('.');
}

describe('C-ADDR3 address lengths', () => {
  it('builds domains of the length asked for', () => {
    expect(domainOf(253)).toHaveLength(253);
    expect(domainOf(189)).toHaveLength(189);
  });

  it.each<[string, Mailbox]>([
    ['64-octet local part', mailbox('a'.repeat(64), 'example.com')],
    ['62 ASCII + one 2-octet character = 64 octets', mailbox(`${'a'.repeat(62)}ü`, 'example.com')],
    ['64-octet quoted local part', mailbox(`"${'a'.repeat(62)}"`, 'example.com')],
    ['254-octet addr-spec', mailbox('a'.repeat(64), domainOf(189))],
  ])('accepts a %s', (_, value) => {
    expect(checkAddressLengths(value, '/p')).toEqual([]);
  });

  it.each<[string, Mailbox, string, RegExp]>([
    [
      '65-octet local part',
      mailbox('a'.repeat(65), 'example.com'),
      'local-part-length',
      /is 65 octets long; at most 64/,
    ],
    [
      '63 ASCII + one 2-octet character',
      mailbox(`${'a'.repeat(63)}ü`, 'example.com'),
      'local-part-length',
      /is 65 octets long/,
    ],
    [
      '65-octet quoted local part',
      mailbox(`"${'a'.repeat(63)}"`, 'example.com'),
      'local-part-length',
      /is 65 octets long/,
    ],
    [
      '255-octet addr-spec',
      mailbox('a'.repeat(64), domainOf(190)),
      'address-length',
      /is 255 octets long; at most 254/,
    ],
  ])('rejects a %s (C-ADDR3.%s, a SHOULD)', (_, value, clause, message) => {
    const violations = checkAddressLengths(value, '/p');
    expect(violations.map((v) => [v.rule, v.clause, v.level])).toEqual([['C-ADDR3', clause, 'SHOULD']]);
    expect(violations[0]?.message).toMatch(message);
  });

  it('leaves a domain over 253 octets to C-ADDR5, though the addr-spec is then over 254', () => {
    expect(checkAddressLengths(mailbox('a', domainOf(254)), '/p')).toEqual([]);
  });

  it('reports a long local part once, not also as a long addr-spec', () => {
    expect(checkAddressLengths(mailbox('a'.repeat(65), domainOf(200)), '/p')).toHaveLength(1);
  });
});
