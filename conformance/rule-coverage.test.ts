/**
 * Every rule in every place and clause (issue 13, item 4): the registry's (rule, clause, place)
 * cells against what a strict conformance run generates and what the example catalog holds. Each
 * failure lists every missing cell, so one run says all that is left. The table itself:
 * `npm run coverage:rules` (docs/rule-coverage.md).
 */

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleCoverageMarkdown } from '../scripts/rule-coverage-markdown.ts';
import { RULES } from '../src/contract/rule-registry.ts';
import type { ConformanceCase } from './case.ts';
import {
  checkCase,
  computeRuleCoverage,
  describeCell,
  findingCells,
  type RuleCoverage,
  registryCells,
  thinClauses,
  ungeneratedCells,
  unreachedPlaces,
} from './rule-coverage.ts';

describe('attributing a check result to cells', () => {
  const cellsOf = (c: ConformanceCase) => {
    const result = checkCase(c);
    return [...result.violations, ...result.advice].flatMap((v) => findingCells(c.operation, v).cells);
  };

  it('puts a bad address in a bulk entry in C-BULK3, its address rule and C-DEST3 at that list', () => {
    const body = {
      FromEmailAddress: 'sender@example.com',
      DefaultContent: { Template: { TemplateContent: { Subject: 's', Text: 't' } } },
      BulkEmailEntries: [
        { Destination: { ToAddresses: ['a@example.com'] } },
        { Destination: { CcAddresses: ['b@bücher.de'] } },
      ],
    };
    expect(cellsOf({ operation: 'send-bulk-email', body }).sort()).toEqual([
      'C-ADDR4.main send-bulk-email /BulkEmailEntries/*/Destination/CcAddresses',
      'C-BULK3.main send-bulk-email /BulkEmailEntries/*/Destination',
      'C-DEST3.main send-bulk-email /BulkEmailEntries/*/Destination/CcAddresses',
    ]);
  });

  it('checks the media type and the text as a run sends them', () => {
    expect(cellsOf({ operation: 'send-email', body: {}, contentType: 'text/plain' })).toContain(
      'C-REQ2.media-type send-email /',
    );
    expect(cellsOf({ operation: 'send-email', text: '{"Destination":' })).toEqual([
      'C-REQ1.main send-email /',
    ]);
  });

  it('keeps advice in the cell of its ADVISE clause', () => {
    const body = {
      FromEmailAddress: 's@example.com',
      Destination: { ToAddresses: ['Zoë <alice@example.org>'] },
      Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
    };
    expect(cellsOf({ operation: 'send-email', body })).toEqual([
      'C-ADDR8.encoded-words send-email /Destination/ToAddresses',
    ]);
  });
});

describe('rule registry coverage', () => {
  let coverage: RuleCoverage;

  beforeAll(() => {
    coverage = computeRuleCoverage();
  }, 300_000);

  it('matches docs/rule-coverage.md (regenerate with `npm run coverage:rules`)', () => {
    const committed = readFileSync(new URL('../docs/rule-coverage.md', import.meta.url), 'utf8');
    expect(
      ruleCoverageMarkdown(coverage) === committed,
      'docs/rule-coverage.md is stale: npm run coverage:rules',
    ).toBe(true);
  });

  it('lists a cell for every place of every MUST, SHOULD and ADVISE clause', () => {
    const places = Object.values(RULES).flatMap((entry) =>
      Object.values(entry.clauses as Record<string, { level: string; places: readonly string[] }>)
        .filter((c) => c.level !== 'OPEN')
        .flatMap((c) => c.places),
    );
    expect(registryCells()).toHaveLength(places.length);
    // The registry has request places at all: an empty table would pass every test below.
    expect(registryCells().filter((c) => c.level === 'MUST').length).toBeGreaterThan(100);
  });

  it('has a generated invalid case for every (rule, clause, place) cell of a MUST or SHOULD clause', () => {
    expect(ungeneratedCells(coverage).map(describeCell)).toEqual([]);
  });

  it('has a valid generated case reaching every place of a MUST or SHOULD clause', () => {
    expect(unreachedPlaces(coverage)).toEqual([]);
  });

  it('has at least 2 invalid catalog examples for every MUST and SHOULD clause', () => {
    expect(
      thinClauses(coverage, 2).map(
        (c) => `${c.rule}.${c.clause} (${c.level}): ${c.examples.length} [${c.examples.join(', ')}]`,
      ),
    ).toEqual([]);
  });

  it('finds every violation of a generated case or an example inside a place its clause lists', () => {
    const seen = new Set<string>();
    const outside = coverage.unplaced
      .map((u) => `${u.rule}.${u.clause} at ${u.path || '/'} (${u.source})`)
      .filter((line) => !seen.has(line) && seen.add(line));
    expect(outside).toEqual([]);
  });

  it('never generates a case that draws advice, valid or invalid (RULES.md, ADVISE)', () => {
    expect(coverage.advisedCases).toEqual([]);
  });

  it('samples every property of a strict run, deterministically', () => {
    expect(Object.keys(coverage.sampled).length).toBeGreaterThan(40);
    expect(Object.entries(coverage.sampled).filter(([, n]) => n === 0)).toEqual([]);
    const again = computeRuleCoverage({ runs: 3, examples: false });
    expect(computeRuleCoverage({ runs: 3, examples: false }).cells).toEqual(again.cells);
  }, 120_000);
});
