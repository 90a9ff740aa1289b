/**
 * The generators against SES's own parser (RULES.md section 2, reference §7.1): every address in a
 * generated valid case is one SES's parser accepts, and every bad address of a kind whose evidence
 * is `parser` is one it refuses. One JVM for the file; addresses go over in large batches.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUST_ADDRESS_KINDS, SHOULD_ADDRESS_KINDS } from '../arbitraries/address.ts';
import { validSendBulkEmail } from '../arbitraries/send-bulk-email.ts';
import { validSendEmail } from '../arbitraries/send-email.ts';
import { addressesInBody, type FoundAddress } from './addresses-in-body.ts';
import { type ParserResult, SesParser } from './ses-parser.ts';

const FROM = 'sender@example.com';
const SEED = 42;
const MIN_ADDRESSES = 10_000;

let parser: SesParser;
beforeAll(async () => {
  parser = await SesParser.start();
});
afterAll(() => parser?.close());

function refusals(found: readonly FoundAddress[], answers: readonly ParserResult[]): string[] {
  return found.flatMap((f, i) => {
    const v = answers[i];
    return v && !v.accepted ? [`${f.where}: ${JSON.stringify(f.value)}: ${v.reason}`] : [];
  });
}

describe('valid cases (a)', () => {
  it(`every address of ${MIN_ADDRESSES}+ distinct ones in valid SendEmail and SendBulkEmail bodies passes SES's parser`, async () => {
    const bodies = [
      ...fc.sample(validSendEmail(FROM), { numRuns: 1500, seed: SEED }),
      ...fc.sample(validSendBulkEmail(FROM), { numRuns: 600, seed: SEED }),
    ];
    // One value once: the numbered and sender addresses come back in almost every body.
    const distinct = new Map<string, FoundAddress>();
    for (const found of bodies.flatMap(addressesInBody)) {
      const key = `${found.kind}\u0000${found.value}`;
      if (!distinct.has(key)) distinct.set(key, found);
    }
    const fields = [...distinct.values()].filter((f) => f.kind === 'address');
    const headers = [...distinct.values()].filter((f) => f.kind === 'list');
    expect(fields.length).toBeGreaterThanOrEqual(MIN_ADDRESSES);
    expect(headers.length).toBeGreaterThan(100);

    const refused = [
      ...refusals(
        fields,
        await parser.parse(
          fields.map((f) => f.value),
          'address',
        ),
      ),
      ...refusals(
        headers,
        await parser.parse(
          headers.map((f) => f.value),
          'list',
        ),
      ),
    ];
    console.log(
      `SES parser (a): ${fields.length} distinct address-field values and ${headers.length} raw address headers from ${bodies.length} valid bodies; ${refused.length} refused`,
    );
    expect(refused, `refused by SES's parser, e.g.:\n${refused.slice(0, 10).join('\n')}`).toHaveLength(0);
  });
});

describe('invalid cases of parser-evidenced kinds (b)', () => {
  const parserKinds = MUST_ADDRESS_KINDS.filter((k) => k.evidence.includes('parser'));

  it('covers every MUST address rule the contract tags `parser`', () => {
    expect([...new Set(parserKinds.map((k) => k.rule))].sort()).toEqual([
      'C-ADDR1',
      'C-ADDR2',
      'C-ADDR4',
      'C-ADDR5',
    ]);
  });

  it(`SES's parser refuses every generated address of those kinds`, async () => {
    const samples = parserKinds.map((k) => ({
      kind: `${k.rule}.${k.clause}/${k.kind}`,
      values: fc.sample(k.addresses, { numRuns: 800, seed: SEED }),
    }));
    const all = samples.flatMap((s) => s.values.map((value) => ({ kind: s.kind, value })));
    const answers = await parser.parse(all.map((a) => a.value));
    const accepted = all
      .filter((_, i) => answers[i]?.accepted)
      .map((a) => `${a.kind}: ${JSON.stringify(a.value)}`);
    console.log(
      `SES parser (b): ${all.length} bad addresses of ${parserKinds.length} kinds; ${accepted.length} accepted`,
    );
    expect(all.length).toBeGreaterThanOrEqual(MIN_ADDRESSES);
    expect(accepted, `accepted by SES's parser, e.g.:\n${accepted.slice(0, 10).join('\n')}`).toHaveLength(0);
  });
});

describe('bad address kinds without parser evidence', () => {
  const kinds = [...MUST_ADDRESS_KINDS, ...SHOULD_ADDRESS_KINDS].filter(
    (k) => !k.evidence.includes('parser'),
  );

  it(`SES's parser accepts them: their level rests on other evidence (doc, rfc), as RULES.md tags them`, async () => {
    const all = kinds.flatMap((k) =>
      fc
        .sample(k.addresses, { numRuns: 300, seed: SEED })
        .map((value) => ({ kind: `${k.rule}.${k.clause}/${k.kind}`, value })),
    );
    const answers = await parser.parse(all.map((a) => a.value));
    const refused = all.flatMap((a, i) => {
      const v = answers[i];
      return v && !v.accepted ? [`${a.kind}: ${JSON.stringify(a.value)}: ${v.reason}`] : [];
    });
    expect(
      refused,
      `refused by SES's parser, so the evidence tag may be too weak, e.g.:\n${refused.slice(0, 10).join('\n')}`,
    ).toHaveLength(0);
  });
});
