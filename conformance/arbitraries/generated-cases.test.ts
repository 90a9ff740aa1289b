/**
 * The generators keep the invariant of RULES.md: a valid case breaks nothing (strict), an invalid
 * case breaks exactly the rule it is meant to, by the rules engine's own verdict, in default and
 * strict mode alike. Shrinking starts from the same generators, so it keeps the invariant too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSendBulkEmail } from '../../src/contract/validate-send-bulk-email.ts';
import { validateSendEmail } from '../../src/contract/validate-send-email.ts';
import type { Violation } from '../../src/contract/violation.ts';
import type { InvalidCase } from '../case.ts';
import { invalidSendBulkEmailCases } from './invalid-send-bulk-email.ts';
import { invalidSendEmailCases } from './invalid-send-email.ts';
import { MAX_RAW_DATA_CHARS, oversizedRawData } from './oversized-raw-data.ts';
import { validSendBulkEmail } from './send-bulk-email.ts';
import { validSendEmail } from './send-email.ts';
import { shouldSendBulkEmailCases, shouldSendEmailCases } from './should-cases.ts';

const FROM = 'sender@example.com';
const RUNS = Number(process.env.SES_CONTRACT_HEAVY) ? 500 : 60;

function oracle(c: InvalidCase, strict: boolean): Violation[] {
  return c.operation === 'send-email'
    ? validateSendEmail(c.body, { strict })
    : validateSendBulkEmail(c.body, { strict });
}

const ruleSet = (violations: readonly Violation[]) => [...new Set(violations.map((v) => v.rule))].sort();

describe('valid generators', () => {
  it.each([
    ['send-email', validateSendEmail, validSendEmail(FROM)],
    ['send-bulk-email', validateSendBulkEmail, validSendBulkEmail(FROM)],
  ] as const)('every %s case passes the strict engine', (_, validate, arbitrary) => {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<unknown>, (body) => {
        expect(validate(body, { strict: true })).toEqual([]);
      }),
      { numRuns: RUNS * 2, seed: 42 },
    );
  });

  it('is deterministic for a seed', () => {
    const a = fc.sample(validSendEmail(FROM), { numRuns: 5, seed: 7 });
    const b = fc.sample(validSendEmail(FROM), { numRuns: 5, seed: 7 });
    expect(a).toEqual(b);
  });
});

const catalogs = [
  ['send-email MUST', invalidSendEmailCases(FROM), false],
  ['send-bulk-email MUST', invalidSendBulkEmailCases(FROM), false],
  ['send-email SHOULD', shouldSendEmailCases(FROM), true],
  ['send-bulk-email SHOULD', shouldSendBulkEmailCases(FROM), true],
] as const;

describe.each(catalogs)('%s invalid classes', (_, catalog, shouldOnly) => {
  const entries = Object.entries(catalog).filter(([rule]) => rule !== 'C-MIME9');
  it.each(entries)('%s: the engine reports exactly that rule', (_rule, arbitrary) => {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<InvalidCase>, (c) => {
        expect(ruleSet(oracle(c, true))).toEqual([...c.reportedAs].sort());
        // A SHOULD case is valid to a default (non-strict) run; a MUST case is invalid in both.
        expect(ruleSet(oracle(c, false))).toEqual(shouldOnly ? [] : [...c.reportedAs].sort());
      }),
      { numRuns: RUNS, seed: 42 },
    );
  });
});

describe('shrinking keeps the defect', () => {
  it('a shrunk invalid case still breaks its rule', () => {
    const arbitrary = invalidSendEmailCases(FROM)['C-ADDR4'] as fc.Arbitrary<InvalidCase>;
    // A property that fails on every case: fast-check shrinks all the way down.
    const details = fc.check(
      fc.property(arbitrary, () => false),
      { seed: 1 },
    );
    const shrunk = details.counterexample?.[0] as InvalidCase;
    expect(ruleSet(oracle(shrunk, true))).toEqual(['C-ADDR4']);
    expect(JSON.stringify(shrunk.body).length).toBeLessThan(400);
  });
});

describe('C-MIME9', () => {
  it('the oversized message is just over the limit and breaks only C-MIME9', () => {
    const data = oversizedRawData(FROM);
    expect(data.length).toBeGreaterThan(MAX_RAW_DATA_CHARS);
    expect(data.length).toBeLessThan(MAX_RAW_DATA_CHARS + 200);
    const body = {
      FromEmailAddress: FROM,
      Destination: { ToAddresses: ['a@example.com'] },
      Content: { Raw: { Data: data } },
    };
    expect(ruleSet(validateSendEmail(body, { strict: true }))).toEqual(['C-MIME9']);
  });
});
