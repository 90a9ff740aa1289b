/**
 * The exact command that re-runs one failing property from the same seed and fast-check path.
 * `--base-url` is included only when the run had one (otherwise the embedded mock starts again).
 * Commands start with `npx ses-contract`: that runs the project's installed copy, and in a checkout
 * of ses-contract npm resolves the package's own bin, so the line works as printed in both.
 */
import type { RunSettings } from '../run-settings.ts';

export type CommandContext = RunSettings & {
  /** The `--base-url` the user gave; undefined for the embedded mock. */
  baseUrl?: string;
  /** The replay file that holds the cases (`--replay FILE`); default `.ses-contract/replay.json`. */
  replayFile?: string;
};

export const DEFAULT_SIGNING_REGION = 'us-east-1';

export const CLI_COMMAND = 'npx ses-contract';

export const quote = (text: string) =>
  /^[\w./:@,=-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;

export function replayCommand(context: CommandContext, property: string, path: string): string {
  return [
    `${CLI_COMMAND} conform`,
    ...(context.baseUrl ? [`--base-url ${quote(context.baseUrl)}`] : []),
    `--profile ${context.profile}`,
    ...(context.strict ? ['--strict'] : []),
    ...(context.from !== 'sender@example.com' ? [`--from ${quote(context.from)}`] : []),
    ...(context.unverifiedFrom !== undefined ? [`--unverified-from ${quote(context.unverifiedFrom)}`] : []),
    ...(context.sandboxRecipient !== undefined
      ? [`--sandbox-recipient ${quote(context.sandboxRecipient)}`]
      : []),
    ...(context.sign ? ['--sign'] : []),
    ...(context.sign && context.sign.region !== DEFAULT_SIGNING_REGION
      ? [`--region ${quote(context.sign.region)}`]
      : []),
    `--seed ${context.seed}`,
    `--only ${quote(property)}`,
    `--path ${quote(path)}`,
  ].join(' ');
}

/** The command that re-sends the recorded failures of one property (or all) from a replay file. */
export function replayFileCommand(context: Pick<CommandContext, 'baseUrl'>, file: string, property?: string) {
  return [
    `${CLI_COMMAND} conform`,
    ...(context.baseUrl ? [`--base-url ${quote(context.baseUrl)}`] : []),
    `--replay ${quote(file)}`,
    ...(property ? [`--only ${quote(property)}`] : []),
  ].join(' ');
}
