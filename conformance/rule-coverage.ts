/**
 * The rule registry's coverage, as data: for every (rule, clause, place) cell of
 * `src/contract/rule-registry.ts`, how many generated cases and how many catalog examples break it,
 * and how many valid generated cases reach its place. `rule-coverage.test.ts` fails on the gaps;
 * `scripts/rule-coverage.ts` prints the table (docs/rule-coverage.md).
 *
 * The generators are the ones a conformance run sends: every property of a strict run, in both
 * profiles, sampled with a fixed seed. Each case is checked by the engine (strict) and every
 * violation is put in the cell of its rule and clause at the place its path falls in, and in the
 * cell of its cause (C-BULK3 ← C-ADDR4, C-MIME6 ← C-ADDR2) at the same path. A case is attributed by
 * the engine's result, never by what its generator meant to break: a generator that drifts onto
 * another clause shows up as a gap.
 */
import fc from 'fast-check';
import { decodeBase64 } from '../src/contract/base64.ts';
import { builtExamples, loadExamples } from '../src/contract/examples/example-catalog.ts';
import { isJsonObject, objectAt, stringAt } from '../src/contract/json-reading.ts';
import { parseMimeStructure } from '../src/contract/mime/parse-mime-structure.ts';
import type { Operation } from '../src/contract/operations.ts';
import {
  type Clause,
  type Evidence,
  type Place,
  placeOf,
  RULES,
  type RuleId,
  type RuleLevel,
} from '../src/contract/rule-registry.ts';
import { checkSendBulkEmail } from '../src/contract/validate-send-bulk-email.ts';
import { checkSendEmail } from '../src/contract/validate-send-email.ts';
import type { CheckResult } from '../src/contract/validation-options.ts';
import { type Violation, violation } from '../src/contract/violation.ts';
import { readJsonBody } from '../src/server/json-request-body.ts';
import { isJsonMediaType } from '../src/server/media-type.ts';
import type { ConformanceCase } from './case.ts';
import { propertyDefinitions } from './properties/catalog.ts';

export type Cell = {
  rule: RuleId;
  clause: string;
  place: Place;
  level: RuleLevel;
  evidence: readonly Evidence[];
  text: string;
};

export type CellCoverage = Cell & {
  /** Generated cases whose result has this cell (as a violation, or as advice for ADVISE cells). */
  generated: number;
  /** Catalog examples whose result has this cell (invalid examples; for ADVISE cells, examples drawing it). */
  examples: number;
  /** Valid generated cases (no violation, no advice) that hold a value at this cell's place. */
  valid: number;
  /** Valid catalog examples that hold a value at this cell's place. */
  validExamples: number;
};

/** A violation whose path lies outside every place its clause lists: the registry and the engine disagree. */
export type Unplaced = { source: string; rule: RuleId; clause: string; path: string };

export type ClauseExamples = { rule: RuleId; clause: string; level: RuleLevel; examples: string[] };

export type RuleCoverage = {
  /** Every cell of a MUST, SHOULD or ADVISE clause that lists places, in registry order. */
  cells: CellCoverage[];
  /** Per MUST/SHOULD clause with places (but `NOT_IN_A_BODY`): the invalid examples that break it (any place). */
  clauseExamples: ClauseExamples[];
  unplaced: Unplaced[];
  /** `property: rule (n of m cases)` for generated cases that drew advice: the suite must never generate ADVISE cases (RULES.md, levels). */
  advisedCases: string[];
  /** How many cases were checked, per property. */
  sampled: Record<string, number>;
  runs: number;
  seed: number;
};

export const DEFAULT_COVERAGE_RUNS = 100;
export const DEFAULT_COVERAGE_SEED = 20_261_130;
const FROM = 'sender@example.com';

/** Clauses about the HTTP request around the body: a catalog example (a body) cannot show them. */
export const NOT_IN_A_BODY: ReadonlySet<string> = new Set(['C-REQ2.media-type']);

export const cellKey = (rule: string, clause: string, place: string) => `${rule}.${clause} ${place}`;

const clausesOf = (rule: RuleId) => RULES[rule].clauses as Readonly<Record<string, Clause>>;

/** The registry's cells: clauses at a level a request can reach, each place they list. */
export function registryCells(): Cell[] {
  const cells: Cell[] = [];
  for (const rule of Object.keys(RULES) as RuleId[]) {
    for (const [clause, entry] of Object.entries(clausesOf(rule))) {
      if (entry.level === 'OPEN') continue;
      for (const place of entry.places) {
        cells.push({ rule, clause, place, level: entry.level, evidence: entry.evidence, text: entry.text });
      }
    }
  }
  return cells;
}

/**
 * A recipient that breaks section 2 breaks C-DEST3 there too (RULES.md: "every recipient passes
 * section 2"); the engine reports it under the address rule alone, so the C-DEST3 cell is implied.
 */
function impliedFindings(rule: RuleId, clause: string): Array<{ rule: RuleId; clause: string }> {
  const found = [{ rule, clause }];
  const level = clausesOf(rule)[clause]?.level;
  if (rule.startsWith('C-ADDR') && (level === 'MUST' || level === 'SHOULD')) {
    found.push({ rule: 'C-DEST3', clause: 'main' });
  }
  return found;
}

/**
 * The cells one finding (a violation or advice) belongs to, and whether its path fell outside its
 * clause's places. C-DEST3 is only implied where its places reach (recipient lists), so an address
 * outside them (From, Reply-To) implies nothing and is not unplaced.
 */
export function findingCells(operation: Operation, v: Violation): { cells: string[]; unplaced: Violation[] } {
  const cells: string[] = [];
  const unplaced: Violation[] = [];
  const reported = [{ rule: v.rule, clause: v.clause, implied: false }];
  if (v.cause && v.causeClause) reported.push({ rule: v.cause, clause: v.causeClause, implied: false });
  for (const { rule, clause } of [...reported]) {
    for (const extra of impliedFindings(rule, clause).slice(1)) reported.push({ ...extra, implied: true });
  }
  for (const { rule, clause, implied } of reported) {
    const places = clausesOf(rule)[clause]?.places ?? [];
    const place = placeOf(operation, v.path, places);
    if (place) cells.push(cellKey(rule, clause, place));
    else if (!implied) unplaced.push({ ...v, rule, clause });
  }
  return { cells, unplaced };
}

/** The engine's strict result on a case as a conformance run sends it (text, media type and all). */
export function checkCase(c: ConformanceCase): CheckResult {
  const found: CheckResult = { violations: [], advice: [] };
  if (c.contentType !== undefined && !isJsonMediaType(c.contentType)) {
    found.violations.push(
      violation('C-REQ2.media-type', '', `the media type '${c.contentType}' is not application/json`),
    );
  }
  let body = c.body;
  if (c.text !== undefined) {
    const parsed = readJsonBody(new TextEncoder().encode(c.text));
    if (!parsed.ok) return { violations: [...found.violations, parsed.violation], advice: [] };
    body = parsed.value;
  }
  const result =
    c.operation === 'send-bulk-email'
      ? checkSendBulkEmail(body, { strict: true })
      : checkSendEmail(body, { strict: true });
  return { violations: [...found.violations, ...result.violations], advice: result.advice };
}

/** The header names of a raw message's top level, lower-cased; empty when `Data` is not readable. */
function rawHeaderKeys(body: unknown): Set<string> {
  const data = stringAt(objectAt(objectAt(body, 'Content'), 'Raw'), 'Data');
  if (data === undefined) return new Set();
  try {
    return new Set(parseMimeStructure(decodeBase64(data)).headers.map((h) => h.key));
  } catch {
    return new Set();
  }
}

/** A place read once: its operation, and the raw-message header or the JSON path it names. */
type PlacePattern = { operation: Operation; header?: string; segments: string[] };

/** Place patterns by place: every valid case of a run is matched against every cell's place. */
const placePatterns = new Map<string, PlacePattern>();

function placePattern(place: string): PlacePattern {
  let parsed = placePatterns.get(place);
  if (!parsed) {
    const [operation, pattern] = place.split(' ') as [Operation, string];
    const header = /^\/Content\/Raw\/Data\/header\/(.+)$/.exec(pattern)?.[1]?.toLowerCase();
    parsed = {
      operation,
      ...(header !== undefined ? { header } : {}),
      segments: pattern === '/' ? [] : pattern.split('/').slice(1),
    };
    placePatterns.set(place, parsed);
  }
  return parsed;
}

/** Whether `body` holds a value at a place pattern (`*`: some item of a non-empty array). */
function holdsValueAt(body: unknown, pattern: PlacePattern, rawKeys: () => Set<string>): boolean {
  if (pattern.header !== undefined) return rawKeys().has(pattern.header);
  const { segments } = pattern;
  let values: unknown[] = [body];
  for (const segment of segments) {
    values =
      segment === '*'
        ? values.flatMap((v) => (Array.isArray(v) ? v : []))
        : values.flatMap((v) => (isJsonObject(v) && Object.hasOwn(v, segment) ? [v[segment]] : []));
  }
  return values.some((v) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0));
}

const RAW_DATA_PLACE: Place = 'send-email /Content/Raw/Data';
/** Rules whose raw-message place means "recipients counted in the To/Cc/Bcc headers". */
const HEADER_RECIPIENT_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['C-DEST1', 'C-DEST2']);

function hasDestinationAddresses(body: unknown): boolean {
  const destination = objectAt(body, 'Destination');
  return ['ToAddresses', 'CcAddresses', 'BccAddresses'].some((list) => {
    const items = destination?.[list];
    return Array.isArray(items) && items.length > 0;
  });
}

/** Whether a valid case reaches a cell: it holds a value at the place, in the sense the rule reads it. */
function validCaseReaches(
  cell: Cell,
  operation: Operation,
  body: unknown,
  rawKeys: () => Set<string>,
): boolean {
  const pattern = placePattern(cell.place);
  if (pattern.operation !== operation || !holdsValueAt(body, pattern, rawKeys)) return false;
  // Recipients are read from the headers only when Destination names none (RULES.md C-DEST2).
  if (cell.place === RAW_DATA_PLACE && HEADER_RECIPIENT_RULES.has(cell.rule))
    return !hasDestinationAddresses(body);
  return true;
}

/** The keys of the cells a valid body reaches. */
export function reachedCells(cells: readonly Cell[], operation: Operation, body: unknown): string[] {
  let keysOfRaw: Set<string> | undefined;
  const rawKeys = () => {
    keysOfRaw ??= rawHeaderKeys(body);
    return keysOfRaw;
  };
  return cells
    .filter((cell) => validCaseReaches(cell, operation, body, rawKeys))
    .map((cell) => cellKey(cell.rule, cell.clause, cell.place));
}

function asCases(value: unknown): ConformanceCase[] {
  const isCase = (v: unknown): v is ConformanceCase =>
    isJsonObject(v) && (v.operation === 'send-email' || v.operation === 'send-bulk-email');
  if (isCase(value)) return [value];
  return Array.isArray(value) ? value.filter(isCase) : [];
}

export type CoverageOptions = {
  runs?: number;
  seed?: number;
  /** Check the example catalog too (default true); without it every cell counts 0 examples. */
  examples?: boolean;
};

export function computeRuleCoverage(options: CoverageOptions = {}): RuleCoverage {
  const runs = options.runs ?? DEFAULT_COVERAGE_RUNS;
  const seed = options.seed ?? DEFAULT_COVERAGE_SEED;
  const cells = registryCells();
  const generated = new Map<string, number>();
  const examples = new Map<string, number>();
  const valid = new Map<string, number>();
  const validExamples = new Map<string, number>();
  const unplaced: Unplaced[] = [];
  const advised = new Map<string, number>();
  const sampled: Record<string, number> = {};
  const bump = (counts: Map<string, number>, keys: Iterable<string>) => {
    for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  };

  const properties = new Map(
    (['documented', 'aws'] as const).flatMap((profile) =>
      propertyDefinitions({ profile, strict: true, from: FROM }).map((p) => [p.name, p] as const),
    ),
  );
  for (const property of properties.values()) {
    const numRuns = Math.min(runs, property.maxRuns ?? runs);
    let count = 0;
    for (const value of fc.sample(property.arbitrary, { numRuns, seed })) {
      for (const c of asCases(value)) {
        count++;
        const result = checkCase(c);
        const keys: string[] = [];
        for (const v of [...result.violations, ...result.advice]) {
          const found = findingCells(c.operation, v);
          keys.push(...found.cells);
          for (const u of found.unplaced) {
            unplaced.push({ source: property.name, rule: u.rule, clause: u.clause, path: u.path });
          }
        }
        bump(generated, keys);
        for (const rule of new Set(result.advice.map((v) => v.cause ?? v.rule))) {
          const key = `${property.name}: ${rule}`;
          advised.set(key, (advised.get(key) ?? 0) + 1);
        }
        if (result.violations.length === 0 && result.advice.length === 0) {
          bump(valid, reachedCells(cells, c.operation, c.body));
        }
      }
    }
    sampled[property.name] = count;
  }

  const byClause = new Map<string, Set<string>>();
  const catalog = options.examples === false ? [] : [...loadExamples(), ...builtExamples()];
  for (const example of catalog) {
    const result = checkCase({ operation: example.operation, body: example.body });
    const keys: string[] = [];
    const findings = example.label === 'valid' ? result.advice : [...result.violations, ...result.advice];
    for (const v of findings) {
      const found = findingCells(example.operation, v);
      keys.push(...found.cells);
      for (const u of found.unplaced) {
        unplaced.push({ source: `example ${example.name}`, rule: u.rule, clause: u.clause, path: u.path });
      }
    }
    bump(examples, keys);
    if (example.label === 'valid') {
      if (result.violations.length === 0)
        bump(validExamples, reachedCells(cells, example.operation, example.body));
      continue;
    }
    for (const key of keys) {
      const clause = key.slice(0, key.indexOf(' '));
      byClause.set(clause, (byClause.get(clause) ?? new Set()).add(example.name));
    }
  }

  const clauseExamples: ClauseExamples[] = [];
  for (const rule of Object.keys(RULES) as RuleId[]) {
    for (const [clause, entry] of Object.entries(clausesOf(rule))) {
      if ((entry.level !== 'MUST' && entry.level !== 'SHOULD') || entry.places.length === 0) continue;
      if (NOT_IN_A_BODY.has(`${rule}.${clause}`)) continue;
      const names = [...(byClause.get(`${rule}.${clause}`) ?? [])].sort();
      clauseExamples.push({ rule, clause, level: entry.level, examples: names });
    }
  }

  return {
    cells: cells.map((cell) => {
      const key = cellKey(cell.rule, cell.clause, cell.place);
      return {
        ...cell,
        generated: generated.get(key) ?? 0,
        examples: examples.get(key) ?? 0,
        valid: valid.get(key) ?? 0,
        validExamples: validExamples.get(key) ?? 0,
      };
    }),
    clauseExamples,
    unplaced,
    advisedCases: [...advised].map(
      ([key, n]) => `${key} (${n} of ${sampled[key.slice(0, key.indexOf(':'))]} cases)`,
    ),
    sampled,
    runs,
    seed,
  };
}

/** Cells of a MUST or SHOULD clause that no generated case breaks. */
export function ungeneratedCells(coverage: RuleCoverage): CellCoverage[] {
  return coverage.cells.filter((c) => (c.level === 'MUST' || c.level === 'SHOULD') && c.generated === 0);
}

/**
 * Places that name something that must exist at the target (an identity, a configuration set, a
 * tenant, a contact list). A conformance run assumes nothing exists there but its sender (RULES.md
 * section 9), so no valid generated case may hold them: a valid catalog example shows them instead.
 */
export const RESOURCE_PLACES: ReadonlySet<Place> = new Set<Place>([
  'send-email /FromEmailAddressIdentityArn',
  'send-email /FeedbackForwardingEmailAddressIdentityArn',
  'send-email /ConfigurationSetName',
  'send-email /TenantName',
  'send-email /ListManagementOptions',
  'send-bulk-email /FromEmailAddressIdentityArn',
  'send-bulk-email /FeedbackForwardingEmailAddressIdentityArn',
  'send-bulk-email /ConfigurationSetName',
  'send-bulk-email /TenantName',
]);

/**
 * Cells of a MUST or SHOULD clause whose place no valid generated case reaches (for
 * `RESOURCE_PLACES`: no valid catalog example).
 */
export function unreachedCells(coverage: RuleCoverage): CellCoverage[] {
  return coverage.cells.filter(
    (c) =>
      (c.level === 'MUST' || c.level === 'SHOULD') &&
      (RESOURCE_PLACES.has(c.place) ? c.validExamples : c.valid) === 0,
  );
}

/** `unreachedCells` by place: `<place> (C-ADDR1.syntax, C-ADDR2.local-part, …)`, in registry order. */
export function unreachedPlaces(coverage: RuleCoverage): string[] {
  const byPlace = new Map<string, string[]>();
  for (const c of unreachedCells(coverage)) {
    byPlace.set(c.place, [...(byPlace.get(c.place) ?? []), `${c.rule}.${c.clause}`]);
  }
  return [...byPlace].map(([place, clauses]) => `${place} (${clauses.join(', ')})`);
}

/** MUST and SHOULD clauses with fewer than `minimum` invalid catalog examples. */
export function thinClauses(coverage: RuleCoverage, minimum = 2): ClauseExamples[] {
  return coverage.clauseExamples.filter((c) => c.examples.length < minimum);
}

export function describeCell(cell: Cell): string {
  return `${cell.rule}.${cell.clause} (${cell.level}) at ${cell.place}`;
}
