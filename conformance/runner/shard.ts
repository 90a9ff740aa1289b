/**
 * `--shard I/N`: the selected properties split into N parts so N CI jobs together run each one
 * exactly once. The split is deterministic (it depends only on the selection and `--runs`, which
 * every job of a matrix shares) and balanced by expected cost: a property costs the runs it will
 * make, and a C-MIME9 run (a 40 MiB request) counts as `HEAVY_RUN_COST` ordinary ones. Every
 * property keeps its own seed (`property-seed.ts`), so sharding never changes what a property sends.
 */
import type { PropertyDefinition } from '../properties/property.ts';

export type Shard = { index: number; count: number };

/** A 40 MiB request takes about as long to build, send and check as this many ordinary cases. */
export const HEAVY_RUN_COST = 400;

export const MAX_SHARDS = 1000;

/** `"2/4"` → `{ index: 2, count: 4 }`; a string saying what is wrong otherwise. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return 'must be I/N, such as 1/4 (the first of four shards)';
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) return `must have N from 1 to ${MAX_SHARDS}`;
  if (index < 1 || index > count) return `must have I from 1 to N (${count})`;
  return { index, count };
}

export function expectedCost(definition: PropertyDefinition, runs: number): number {
  const made = Math.min(runs, definition.maxRuns ?? runs);
  return made * (definition.rules.includes('C-MIME9') ? HEAVY_RUN_COST : 1);
}

/**
 * Which shard (1-based) runs each property: most costly first, each to the least loaded shard
 * (lowest index on a tie), names breaking ties between equal costs.
 */
export function shardAssignment(definitions: readonly PropertyDefinition[], count: number, runs: number) {
  const load = new Array<number>(count).fill(0);
  const assigned = new Map<string, number>();
  const byCost = [...definitions].sort(
    (a, b) =>
      expectedCost(b, runs) - expectedCost(a, runs) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const definition of byCost) {
    let least = 0;
    for (let i = 1; i < count; i++) if ((load[i] as number) < (load[least] as number)) least = i;
    load[least] = (load[least] as number) + expectedCost(definition, runs);
    assigned.set(definition.name, least + 1);
  }
  return assigned;
}

/** The properties of one shard, in their suite order. */
export function selectShard(
  definitions: readonly PropertyDefinition[],
  shard: Shard,
  runs: number,
): PropertyDefinition[] {
  const assigned = shardAssignment(definitions, shard.count, runs);
  return definitions.filter((d) => assigned.get(d.name) === shard.index);
}
