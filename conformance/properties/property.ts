/**
 * A conformance property: one check, named for what it asserts, tagged with the rule ids it
 * covers, over a generator of cases. `check` sends what it needs through the context and returns
 * a result; it never throws for a broken implementation.
 */
import type fc from 'fast-check';
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import type { WireProfileName } from '../../src/contract/schema/spec-documents.ts';
import type { ConformanceCase, Operation } from '../case.ts';
import type { Exchange } from '../transport/exchange.ts';
import type { Problem } from './problem.ts';

export type PropertyContext = {
  profile: WireProfileName;
  strict: boolean;
  from: string;
  send(c: ConformanceCase): Promise<Exchange>;
};

/** The exchange the result rests on (the failing one, when there is a problem). */
export type CaseResult = { exchange: Exchange; problem?: Problem };

export type PropertyDefinition<T = unknown> = {
  name: string;
  operation: Operation;
  rules: RuleId[];
  level: 'MUST' | 'SHOULD';
  /** A cap on runs whatever `--runs` says (the 40 MiB case is sent once). */
  maxRuns?: number;
  arbitrary: fc.Arbitrary<T>;
  check(value: T, context: PropertyContext): Promise<CaseResult>;
};

export type PropertyOptions = {
  profile: WireProfileName;
  strict: boolean;
  from: string;
  /** An identity the target has not verified (`--unverified-from`, C-ID1). */
  unverifiedFrom?: string;
  /** A recipient the target's sandbox refuses (`--sandbox-recipient`, C-ID2). */
  sandboxRecipient?: string;
};

/** Erases the case type so definitions of different cases fit one list. */
export function defineProperty<T>(definition: PropertyDefinition<T>): PropertyDefinition {
  return definition as unknown as PropertyDefinition;
}
