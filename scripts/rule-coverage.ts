/**
 * `npm run coverage:rules [-- --runs N --seed N --output FILE]`: the rule registry's coverage table
 * (rules × clauses × places, with generated cases, valid cases and examples per cell) as Markdown,
 * printed and written to docs/rule-coverage.md. Exit 1 when a gap remains, as the test fails.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  computeRuleCoverage,
  DEFAULT_COVERAGE_RUNS,
  DEFAULT_COVERAGE_SEED,
  thinClauses,
  ungeneratedCells,
  unreachedCells,
} from '../conformance/rule-coverage.ts';
import { ruleCoverageMarkdown } from './rule-coverage-markdown.ts';

const DEFAULT_OUTPUT = fileURLToPath(new URL('../docs/rule-coverage.md', import.meta.url));

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    console.error(`rule-coverage: --${name} must be a positive integer, got '${value}'`);
    process.exit(2);
  }
  return Number(value);
}

function readArgs() {
  try {
    return parseArgs({
      options: { runs: { type: 'string' }, seed: { type: 'string' }, output: { type: 'string' } },
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`rule-coverage: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

const args = readArgs();
const coverage = computeRuleCoverage({
  runs: positiveInteger('runs', args.runs, DEFAULT_COVERAGE_RUNS),
  seed: positiveInteger('seed', args.seed, DEFAULT_COVERAGE_SEED),
});
const markdown = ruleCoverageMarkdown(coverage);
process.stdout.write(markdown);
await writeFile(args.output ?? DEFAULT_OUTPUT, markdown);
const gaps =
  ungeneratedCells(coverage).length +
  unreachedCells(coverage).length +
  thinClauses(coverage).length +
  coverage.unplaced.length +
  coverage.advisedCases.length;
if (gaps > 0) process.exitCode = 1;
