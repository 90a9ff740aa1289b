/**
 * A tiny seeded PRNG (mulberry32): the same seed gives the same sequence in Node and in the
 * browser, which `Math.random` cannot, so a seeded mock hands out the same ids run after run.
 */
export type Random = () => number;

/** Uniform 32-bit unsigned integers from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A seed nobody chose, from the platform's CSPRNG (Web Crypto exists in Node 20 and browsers). */
export function randomSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}
