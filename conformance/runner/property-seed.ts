/**
 * Each property's seed is derived from the run's seed and the property's name, so `--only` one
 * property with the run's `--seed` replays exactly what the full run generated for it.
 */
export function propertySeed(runSeed: number, name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (runSeed ^ hash) | 0;
}

/** The run's seed: `--seed`, else 42 in CI (reproducible logs), else the clock. */
export function defaultSeed(env: Readonly<Record<string, string | undefined>>): number {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0' ? 42 : Date.now() % 2_147_483_647;
}
