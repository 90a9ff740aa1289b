/**
 * `--max-time SECONDS`: one budget for the whole run, shared over the properties. Each property,
 * when it starts, gets its part of what is left in proportion to its expected cost (`shard.ts`:
 * its runs, a 40 MiB C-MIME9 run counted heavy) among the properties not yet finished, times the
 * workers running side by side. A fast property leaves its unused time to the ones after it, none
 * can eat the time of the rest, and the C-MIME9 case gets the time one 40 MiB request needs.
 * The runner stops a property at its share, between cases and never before its first one is
 * checked (`run-conformance.ts`), and does not start one once the budget is spent (share 0); the
 * report names the properties that ran fewer runs than asked and those not run.
 */
export type TimeBudget = {
  /**
   * The share in ms of a property about to start, of expected cost `cost`, when the properties not
   * yet finished (it included) cost `costLeft` and `workers` run side by side; 0 once spent.
   */
  shareFor(cost: number, costLeft: number, workers: number): number;
};

export function timeBudget(totalMs: number, now: () => number = () => performance.now()): TimeBudget {
  const deadline = now() + totalMs;
  return {
    shareFor(cost, costLeft, workers) {
      const left = deadline - now();
      if (left <= 0) return 0;
      return Math.min(left, (left * Math.max(1, workers) * cost) / Math.max(cost, costLeft));
    },
  };
}

export const BUDGET_REASON = 'the --max-time budget ran out';
