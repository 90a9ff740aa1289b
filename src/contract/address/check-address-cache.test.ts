import { describe, expect, it } from 'vitest';
import { checkAddress } from './check-address.ts';

describe('checkAddress caches its result per value', () => {
  it('reports a cached defect at each call’s own path', () => {
    const first = checkAddress('jürgen@example.com', '/Destination/ToAddresses/0');
    const second = checkAddress('jürgen@example.com', '/ReplyToAddresses/3');
    expect(first.map((v) => [v.rule, v.path])).toEqual([['C-ADDR2', '/Destination/ToAddresses/0']]);
    expect(second.map((v) => [v.rule, v.path])).toEqual([['C-ADDR2', '/ReplyToAddresses/3']]);
    expect(second[0]?.message).toBe(first[0]?.message);
    second.pop();
    expect(checkAddress('jürgen@example.com', '/x')).toHaveLength(1);
  });

  it('keeps the clause and level of a cached defect, not just the rule', () => {
    const first = checkAddress('user@-abc.com', '/FromEmailAddress');
    const second = checkAddress('user@-abc.com', '/ReplyToAddresses/0');
    expect(second).toEqual(first.map((v) => ({ ...v, path: '/ReplyToAddresses/0' })));
    expect(second.map((v) => [v.rule, v.clause, v.level])).toEqual([['C-ADDR5', 'label-shape', 'SHOULD']]);
  });

  it('stays right past its bound and for values too long to keep', () => {
    for (let i = 0; i < 25_000; i++) expect(checkAddress(`user${i}@example.com`, '/a')).toEqual([]);
    expect(checkAddress('user1@bücher.de', '/b').map((v) => v.rule)).toEqual(['C-ADDR4']);
    const long = `${'"'}${'n'.repeat(600)}" <a@example.com>`;
    expect(checkAddress(long, '/c')).toEqual(checkAddress(long, '/c'));
    expect(checkAddress(`${'x'.repeat(600)}@example.com`, '/d').map((v) => v.rule)).toEqual(['C-ADDR3']);
  });
});
