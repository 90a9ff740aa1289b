/**
 * Each kind of bad address breaks exactly its clause, at the clause's level, by the engine's own
 * result (RULES.md section 2): a MUST kind gives one MUST violation of its rule and clause and
 * nothing else (not even a SHOULD); a SHOULD kind gives one SHOULD violation and no MUST. Valid
 * addresses give nothing but, at most, advice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAddress } from '../../src/contract/address/check-address.ts';
import { MUST_ADDRESS_KINDS, SHOULD_ADDRESS_KINDS, validAddress } from './address.ts';

const RUNS = 300;
const clausesOf = (value: string) =>
  [...new Set(checkAddress(value, '').map((v) => `${v.rule}.${v.clause}/${v.level}`))].sort();

describe.each([
  ['MUST', MUST_ADDRESS_KINDS],
  ['SHOULD', SHOULD_ADDRESS_KINDS],
] as const)('%s address kinds', (level, kinds) => {
  it.each(kinds.map((k) => [`${k.rule}.${k.clause}/${k.kind}`, k] as const))(
    '%s breaks exactly that clause',
    (_, kind) => {
      fc.assert(
        fc.property(kind.addresses, (value) => {
          expect(clausesOf(value)).toEqual([`${kind.rule}.${kind.clause}/${level}`]);
        }),
        { numRuns: RUNS, seed: 42 },
      );
    },
  );
});

it('valid addresses break nothing', () => {
  fc.assert(
    fc.property(validAddress, (value) => {
      expect(checkAddress(value, '').filter((v) => v.level !== 'ADVISE')).toEqual([]);
    }),
    { numRuns: RUNS * 3, seed: 42 },
  );
});
