/**
 * `--max-time SECONDS`: one budget for the whole run, shared over the properties. Each property,
 * when it starts, gets its fair share of what is left (the time left times the workers still
 * busy, over the properties not yet finished), so a fast property leaves its unused time to the
 * ones after it and none can eat the time of the rest. fast-check's `interruptAfterTimeLimit`
 * stops a property at its share; the report names the properties that ran fewer runs than asked.
 */
export type TimeBudget = {
  /** The share of the property about to start, in ms (0 once the budget is spent). */
  shareFor(propertiesLeft: number, workers: number): number;
};

export function timeBudget(totalMs: number, now: () => number = () => performance.now()): TimeBudget {
  const deadline = now() + totalMs;
  return {
    shareFor(propertiesLeft, workers) {
      const left = deadline - now();
      if (left <= 0) return 0;
      const busy = Math.max(1, Math.min(workers, propertiesLeft));
      return Math.min(left, (left * busy) / Math.max(1, propertiesLeft));
    },
  };
}

export const BUDGET_REASON = 'the --max-time budget ran out';
