/**
 * Whole invalid cases against SES's own parser: every generated case whose defect is a MUST
 * address defect (C-ADDR1, C-ADDR2, C-ADDR4, C-ADDR5, and C-DEST3, C-MIME4 and C-MIME6's address
 * clauses, in every place the registry lists: JSON fields, bulk entries, raw MIME headers) holds an
 * address SES's parser refuses. The one exception is C-ADDR5's single-label domain, whose evidence
 * is the AWS documentation alone (SES's parser accepts `a@localhost`). So a placement that loses
 * or hides the defect fails here, not only in a run against real SES.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressCells } from '../arbitraries/address-cells.ts';
import type { InvalidCell } from '../arbitraries/invalid-cell.ts';
import { addressesInBody, type FoundAddress } from './addresses-in-body.ts';
import { SesParser } from './ses-parser.ts';

const FROM = 'sender@example.com';
const SEED = 42;
const CASES_PER_CELL = 40;
/** The clauses whose defect is one bad address (C-MIME6's one-Sender clause, say, is not). */
const ADDRESS_DEFECT_CLAUSES = new Set([
  'C-ADDR1.syntax',
  'C-ADDR2.local-part',
  'C-ADDR4.main',
  'C-ADDR5.labels',
  'C-DEST3.main',
  'C-MIME4.address',
  'C-MIME6.address',
]);

let parser: SesParser;
beforeAll(async () => {
  parser = await SesParser.start();
});
afterAll(() => parser?.close());

/**
 * An address whose domain has one label (C-ADDR5's doc-only clause), in a field or anywhere in a
 * raw header's list: `@label` followed by the end, `>` or a comma.
 */
function hasSingleLabelDomain(found: readonly FoundAddress[]): boolean {
  return found.some((f) => /@[A-Za-z0-9-]+(?=\s*(?:>|,|$))/.test(f.value));
}

const cellsOf = (operation: 'send-email' | 'send-bulk-email'): InvalidCell[] =>
  addressCells(operation, FROM).filter(
    (c) => c.level === 'MUST' && ADDRESS_DEFECT_CLAUSES.has(`${c.rule}.${c.clause}`),
  );

describe.each(['send-email', 'send-bulk-email'] as const)('%s MUST address cells', (operation) => {
  it("every case holds an address SES's parser refuses (or a single-label domain)", async () => {
    const cells = cellsOf(operation);
    expect(cells.length).toBeGreaterThan(10);
    const cases = cells.flatMap((c) =>
      fc.sample(c.cases, { numRuns: CASES_PER_CELL, seed: SEED }).map((invalid) => ({
        cell: `${c.rule}.${c.clause} @ ${c.place}`,
        found: addressesInBody(invalid.body),
      })),
    );
    const fields = cases.flatMap((c, i) =>
      c.found.filter((f) => f.kind === 'address').map((f) => ({ i, f })),
    );
    const headers = cases.flatMap((c, i) => c.found.filter((f) => f.kind === 'list').map((f) => ({ i, f })));
    const refused = new Set<number>();
    const parseAll = async (items: typeof fields, kind: 'address' | 'list') => {
      const answers = await parser.parse(
        items.map(({ f }) => f.value),
        kind,
      );
      answers.forEach((v, k) => {
        if (!v.accepted) refused.add((items[k] as (typeof items)[number]).i);
      });
    };
    await parseAll(fields, 'address');
    await parseAll(headers, 'list');
    const missed = cases.flatMap((c, i) =>
      refused.has(i) || hasSingleLabelDomain(c.found)
        ? []
        : [`${c.cell}: ${c.found.map((f) => `${f.where}=${JSON.stringify(f.value)}`).join(' ')}`],
    );
    console.log(
      `SES parser (b, cases): ${operation}: ${cases.length} cases of ${cells.length} MUST address cells; ${missed.length} with no refused address`,
    );
    expect(missed, `cases SES's parser would accept, e.g.:\n${missed.slice(0, 8).join('\n')}`).toHaveLength(
      0,
    );
  });
});
