/**
 * Errors a client asks for, to build its error states and retries without waiting for SES to fail:
 * - `Prefer: error=<ErrorType>` (an RFC 7240 preference, as Prism takes `Prefer: code=…`) answers
 *   that SES error with its status; an unknown name is a 400 listing the known ones.
 * - a fail rate P answers a fraction P of accepted sends with 429 or 503 at random, reproducibly
 *   for a given seed.
 * A forced error is decided before anything is stored, so it never leaves a message behind.
 */

import { type Random, randomSeed, seededRandom } from './seeded-random.ts';
import { FORCED_ERROR_MESSAGES, isSesErrorType, SES_ERROR_TYPES, type SesError } from './ses-errors.ts';

export type PreferredError =
  | { kind: 'none' }
  | { kind: 'error'; error: SesError }
  | { kind: 'unknown'; name: string };

/** The `error` preference of a `Prefer` header (`error=X`, `error="X"`, among other preferences). */
export function preferredError(prefer: string | null): PreferredError {
  if (prefer === null || !prefer.includes('error')) return { kind: 'none' };
  for (const preference of prefer.split(',')) {
    const [token = '', ...rest] = preference.split(';', 1)[0]?.split('=') ?? [];
    if (token.trim().toLowerCase() !== 'error' || rest.length === 0) continue;
    const name = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    return isSesErrorType(name)
      ? { kind: 'error', error: { type: name, message: FORCED_ERROR_MESSAGES[name] } }
      : { kind: 'unknown', name };
  }
  return { kind: 'none' };
}

export function unknownPreferenceMessage(name: string): string {
  return `Prefer: error=${name} names no SES error; use one of ${SES_ERROR_TYPES.join(', ')}.`;
}

export type RandomFailures = { next(): SesError | undefined };

/** Undefined when the rate is 0 or unset. The seed makes the sequence of failures reproducible. */
export function createRandomFailures(
  rate: number | undefined,
  seed: number | undefined,
): RandomFailures | undefined {
  if (!rate) return undefined;
  // Its own stream, so turning failures on does not change the ids a seed gives.
  const random: Random = seededRandom((seed ?? randomSeed()) ^ 0x5eed_fa11);
  return {
    next() {
      if (random() / 0x1_0000_0000 >= rate) return undefined;
      return random() % 2 === 0
        ? { type: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' }
        : { type: 'ServiceUnavailable', message: 'Service Unavailable. (a random failure of --fail-rate)' };
    },
  };
}
