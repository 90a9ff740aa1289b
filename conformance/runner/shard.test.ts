/** `--shard I/N` and `--max-time`: the partition of the suite and the shares of the budget. */
import { describe, expect, it } from 'vitest';
import { propertyDefinitions } from '../properties/catalog.ts';
import { expectedCost, HEAVY_RUN_COST, parseShard, selectShard, shardAssignment } from './shard.ts';
import { timeBudget } from './time-budget.ts';

const suites = (['documented', 'aws'] as const).flatMap((profile) =>
  [false, true].map((strict) => ({
    label: `${profile}${strict ? ' strict' : ''}`,
    definitions: propertyDefinitions({ profile, strict, from: 'sender@example.com' }),
  })),
);

describe('parseShard', () => {
  it('reads I/N and says what is wrong with anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('0/3')).toMatch(/I from 1 to N/);
    expect(parseShard('4/3')).toMatch(/I from 1 to N/);
    expect(parseShard('1/0')).toMatch(/N from 1/);
    expect(parseShard('1-3')).toMatch(/must be I\/N/);
    expect(parseShard('a/b')).toMatch(/must be I\/N/);
  });
});

describe('selectShard', () => {
  it.each(suites)(
    '$label: shards 1/3, 2/3, 3/3 are disjoint, non-empty and together the suite once',
    ({ definitions }) => {
      for (const runs of [3, 100]) {
        const parts = [1, 2, 3].map((index) =>
          selectShard(definitions, { index, count: 3 }, runs).map((d) => d.name),
        );
        for (const part of parts) expect(part.length).toBeGreaterThan(0);
        const all = parts.flat();
        expect(new Set(all).size).toBe(all.length);
        expect([...all].sort()).toEqual(definitions.map((d) => d.name).sort());
        // Each shard keeps the suite's order.
        for (const part of parts) {
          const positions = part.map((name) => definitions.findIndex((d) => d.name === name));
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
        }
      }
    },
  );

  it('counts a C-MIME9 run as heavy and balances by expected cost', () => {
    const definitions = suites[0]?.definitions ?? [];
    const mime9 = definitions.find((d) => d.rules.includes('C-MIME9'));
    expect(mime9).toBeDefined();
    expect(expectedCost(mime9 as (typeof definitions)[number], 100)).toBe(HEAVY_RUN_COST);
    for (const count of [2, 3, 4, 7]) {
      const assigned = shardAssignment(definitions, count, 100);
      const loads = new Array<number>(count).fill(0);
      for (const d of definitions) {
        const shard = assigned.get(d.name) as number;
        loads[shard - 1] = (loads[shard - 1] as number) + expectedCost(d, 100);
      }
      // Greedy by cost: no two shards differ by more than the costliest property.
      const costliest = Math.max(...definitions.map((d) => expectedCost(d, 100)));
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(costliest);
    }
    // With 3 runs the 40 MiB case outweighs the rest of a shard: it gets one to itself.
    const heavyShard = selectShard(definitions, { index: 1, count: 3 }, 3);
    expect(heavyShard.map((d) => d.name)).toEqual([mime9?.name]);
  });

  it('is the same partition every time, whatever order the suite comes in', () => {
    const definitions = suites[1]?.definitions ?? [];
    const once = shardAssignment(definitions, 4, 100);
    const reversed = shardAssignment([...definitions].reverse(), 4, 100);
    expect([...reversed].sort()).toEqual([...once].sort());
  });
});

describe('timeBudget', () => {
  it('gives each property its part of what is left by expected cost, and nothing once it is spent', () => {
    let now = 0;
    const budget = timeBudget(60_000, () => now);
    // Cost 100 of 5,900 left on 4 workers: 4 × 100/5,900 of the minute.
    expect(budget.shareFor(100, 5_900, 4)).toBeCloseTo((60_000 * 4 * 100) / 5_900);
    // The 40 MiB case costs 400 runs' worth: four times the time of an ordinary property.
    expect(budget.shareFor(400, 5_900, 4)).toBeCloseTo((60_000 * 4 * 400) / 5_900);
    // A fast start leaves more for the rest.
    now = 1_000;
    expect(budget.shareFor(100, 4_000, 4)).toBeCloseTo((59_000 * 4 * 100) / 4_000);
    // The last ones share all that is left, never more.
    now = 50_000;
    expect(budget.shareFor(100, 200, 4)).toBe(10_000);
    now = 60_000;
    expect(budget.shareFor(100, 100, 4)).toBe(0);
  });
});
