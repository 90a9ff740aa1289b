/**
 * The rule coverage of one run: for every rule of the registry that a request can break, how many
 * of the cases the run actually sent were valid and reached one of the rule's places, how many
 * broke it and at which (clause, place) cells. Each case is attributed by the engine's strict
 * result through `rule-coverage.ts` (`checkCase`, `findingCells`, `reachedCells`), the same
 * attribution the registry's coverage test uses, never by what its generator meant to break.
 * Generation is deterministic per seed, so against a deterministic target the numbers are too.
 */

import type { Place, RuleId } from '../../src/contract/rule-registry.ts';
import type { ConformanceCase } from '../case.ts';
import {
  type Cell,
  cellKey,
  checkCase,
  findingCells,
  reachedCells,
  registryCells,
} from '../rule-coverage.ts';

export type BrokenCell = { clause: string; place: Place; cases: number };

export type RuleRunCoverage = {
  rule: RuleId;
  /** Valid cases (no violation, no advice) that held a value at one of the rule's places. */
  valid: number;
  /** Invalid cases whose result has the rule (directly, as a cause, or implied: C-DEST3). */
  broken: number;
  /** Where those cases broke it, most cases first. */
  places: BrokenCell[];
};

export type RunCoverage = {
  /** Cases checked: every request the run sent, shrinking included. */
  cases: number;
  /** Every rule with request places, in registry order. */
  rules: RuleRunCoverage[];
  /** Rules no sent case reached or broke. */
  unexercised: RuleId[];
};

let cachedCells: { cells: Cell[]; reachable: Cell[]; byKey: Map<string, Cell>; rules: RuleId[] } | undefined;

function registry() {
  if (!cachedCells) {
    const cells = registryCells();
    // A valid case counts per rule: one cell per (rule, place) is enough to see what it reaches.
    const reachable = [...new Map(cells.map((c) => [`${c.rule} ${c.place}`, c])).values()];
    cachedCells = {
      cells,
      reachable,
      byKey: new Map(cells.map((c) => [cellKey(c.rule, c.clause, c.place), c])),
      rules: [...new Set(cells.map((c) => c.rule))],
    };
  }
  return cachedCells;
}

/**
 * Counts the cases a run sends, by the cells their results have. Checking a case costs about as
 * much CPU as sending it, so `record` only queues it and the queue is checked from `setImmediate`:
 * the request goes out first and the case is checked while the target works on it. `coverage()`
 * checks whatever is still queued, so the numbers never depend on timing.
 */
export class CoverageTally {
  #cases = 0;
  readonly #valid = new Map<RuleId, number>();
  readonly #broken = new Map<RuleId, number>();
  readonly #cells = new Map<string, number>();
  #queue: ConformanceCase[] = [];
  #scheduled = false;

  record(c: ConformanceCase): void {
    this.#queue.push(c);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.#drain());
  }

  #drain(): void {
    this.#scheduled = false;
    const queued = this.#queue;
    this.#queue = [];
    for (const c of queued) this.count(c);
  }

  /** Checks and counts a case now (a thread of its own counts every case it gets at once). */
  count(c: ConformanceCase): void {
    const { byKey, reachable } = registry();
    this.#cases++;
    const result = checkCase(c);
    if (result.violations.length === 0) {
      // A valid case with advice is not counted as exercising anything: the suite never means to send one.
      if (result.advice.length > 0) return;
      const rules = new Set(reachedCells(reachable, c.operation, c.body).map((key) => byKey.get(key)?.rule));
      for (const rule of rules) if (rule) this.#valid.set(rule, (this.#valid.get(rule) ?? 0) + 1);
      return;
    }
    const keys = new Set(result.violations.flatMap((v) => findingCells(c.operation, v).cells));
    const rules = new Set<RuleId>();
    for (const key of keys) {
      const cell = byKey.get(key);
      if (!cell) continue;
      rules.add(cell.rule);
      this.#cells.set(key, (this.#cells.get(key) ?? 0) + 1);
    }
    for (const rule of rules) this.#broken.set(rule, (this.#broken.get(rule) ?? 0) + 1);
  }

  coverage(): RunCoverage {
    this.#drain();
    const { byKey, rules } = registry();
    const places = new Map<RuleId, BrokenCell[]>();
    for (const [key, cases] of this.#cells) {
      const cell = byKey.get(key) as Cell;
      places.set(cell.rule, [
        ...(places.get(cell.rule) ?? []),
        { clause: cell.clause, place: cell.place, cases },
      ]);
    }
    return coverageOf(
      this.#cases,
      rules.map((rule) => ({
        rule,
        valid: this.#valid.get(rule) ?? 0,
        broken: this.#broken.get(rule) ?? 0,
        places: places.get(rule) ?? [],
      })),
    );
  }
}

const byCasesThenName = (a: BrokenCell, b: BrokenCell) =>
  b.cases - a.cases ||
  (a.clause < b.clause ? -1 : a.clause > b.clause ? 1 : a.place < b.place ? -1 : a.place > b.place ? 1 : 0);

function coverageOf(cases: number, rows: RuleRunCoverage[]): RunCoverage {
  const rules = rows.map((r) => ({ ...r, places: [...r.places].sort(byCasesThenName) }));
  return {
    cases,
    rules,
    unexercised: rules.filter((r) => r.valid === 0 && r.broken === 0).map((r) => r.rule),
  };
}

/** The coverage of runs that together sent all these cases (shards of one run): sums per rule and cell. */
export function mergeCoverage(parts: readonly RunCoverage[]): RunCoverage {
  const order = registry().rules;
  const rows = new Map<RuleId, RuleRunCoverage>(
    order.map((rule) => [rule, { rule, valid: 0, broken: 0, places: [] }]),
  );
  for (const part of parts) {
    for (const row of part.rules) {
      const into = rows.get(row.rule) ?? { rule: row.rule, valid: 0, broken: 0, places: [] };
      rows.set(row.rule, into);
      into.valid += row.valid;
      into.broken += row.broken;
      for (const cell of row.places) {
        const same = into.places.find((p) => p.clause === cell.clause && p.place === cell.place);
        if (same) same.cases += cell.cases;
        else into.places.push({ ...cell });
      }
    }
  }
  return coverageOf(
    parts.reduce((n, p) => n + p.cases, 0),
    [...rows.values()],
  );
}

/** `C-ADDR1.syntax at send-email /FromEmailAddress (3)`, for text reports. */
export function brokenCellText(cell: BrokenCell, rule: RuleId): string {
  return `${rule}.${cell.clause} at ${cell.place} (${cell.cases})`;
}
