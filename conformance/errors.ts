/**
 * The kinds of error a conformance session or a CLI command can end with, kept apart so each gets
 * its own exit code (mapped once, in `src/cli/main.ts`): the caller asked for something that
 * cannot be done (`UsageError`), the target is not there (`TargetUnreachableError`), or
 * ses-contract itself is wrong (`InternalError`, and anything else thrown). A property that fails
 * is not an error: it is a result (`SessionOutcome` in `session.ts`).
 */

/** Bad flags, options that contradict each other, or input that cannot be read. Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The implementation under test cannot be reached, or the embedded mock did not start. Exit 2. */
export class TargetUnreachableError extends Error {
  override readonly name = 'TargetUnreachableError';
}

/**
 * A defect of ses-contract, not of the target or the caller: a property that crashed, a replay
 * entry naming a property this version does not have. Exit 3, with the stack under `--debug`.
 */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
