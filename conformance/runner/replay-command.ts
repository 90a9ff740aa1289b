/**
 * The exact command that re-runs one failing property from the same seed and fast-check path.
 * `--base-url` is included only when the run had one (otherwise the embedded mock starts again).
 */
import type { WireProfile } from '../../src/contract/schema/spec-documents.ts';

export type CommandContext = {
  /** The `--base-url` the user gave; undefined for the embedded mock. */
  baseUrl?: string;
  profile: WireProfile;
  strict: boolean;
  from: string;
  seed: number;
};

const quote = (text: string) => (/^[\w./:@,=-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

export function replayCommand(context: CommandContext, property: string, path: string): string {
  return [
    'ses-contract conform',
    ...(context.baseUrl ? [`--base-url ${quote(context.baseUrl)}`] : []),
    `--profile ${context.profile}`,
    ...(context.strict ? ['--strict'] : []),
    ...(context.from !== 'sender@example.com' ? [`--from ${quote(context.from)}`] : []),
    `--seed ${context.seed}`,
    `--only ${quote(property)}`,
    `--path ${quote(path)}`,
  ].join(' ');
}
