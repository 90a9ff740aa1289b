/**
 * A target of the other wire profile breaks C-W1/C-A1 (or C-W2/C-A3) on nearly every answer, which
 * reads as a broken target rather than a wrong flag. An answer the proxy found fault with is
 * counted as the other profile's when its body fits that profile's schema for its status and not
 * this one's; when most such answers do, the summary says which `--profile` the target looks like.
 */
import type { Operation } from '../contract/operations.ts';
import { specSchema } from '../contract/schema/spec-ajv.ts';
import { answerSchemaName, type WireProfileName } from '../contract/schema/spec-documents.ts';

export function otherProfile(profile: WireProfileName): WireProfileName {
  return profile === 'documented' ? 'aws' : 'documented';
}

/** Whether `json`, answered with `status`, has the shape of the other profile and not of `profile`. */
export function isOtherProfileAnswer(
  profile: WireProfileName,
  operation: Operation,
  status: number,
  json: unknown,
): boolean {
  if (json === undefined || status < 200 || (status >= 300 && status < 400)) return false;
  const other = otherProfile(profile);
  const answer = status >= 400 ? 'error' : 'accepted';
  return (
    specSchema(other, answerSchemaName(other, operation, answer))(json) &&
    !specSchema(profile, answerSchemaName(profile, operation, answer))(json)
  );
}

/** The summary's hint, when more than half the faulted answers had the other profile's shape. */
export function otherProfileHint(
  profile: WireProfileName,
  faulted: number,
  otherShaped: number,
): string | undefined {
  if (faulted === 0 || otherShaped * 2 <= faulted) return undefined;
  const other = otherProfile(profile);
  return `${otherShaped} of the ${faulted} answers found at fault have the ${other} profile's shape: if the target speaks the ${other} wire format, start the proxy with --profile ${other}.`;
}
