/**
 * A target of the other wire profile fails nearly every invalid-request property (its error
 * bodies have the other shape), which reads as dozens of unrelated failures. When most invalid
 * properties failed on answers that fit the other profile's error schema and not this one's, the
 * report says which `--profile` the target looks like.
 */
import { specSchema } from '../../src/contract/schema/spec-ajv.ts';
import { answerSchemaName, type WireProfileName } from '../../src/contract/schema/spec-documents.ts';
import type { ConformanceReport } from './run-conformance.ts';

// Error answers have one schema per profile, whichever the operation.
const fits = (profile: WireProfileName, json: unknown) =>
  specSchema(profile, answerSchemaName(profile, 'send-email', 'error'))(json);

/** The profile the target seems to speak instead of the report's, or undefined. */
export function profileHint(report: ConformanceReport): WireProfileName | undefined {
  const other: WireProfileName = report.profile === 'documented' ? 'aws' : 'documented';
  const invalid = report.results.filter((r) => r.property.includes('/invalid-'));
  const otherShaped = invalid.filter((r) => {
    const json = r.failure?.exchange.response?.json;
    return json !== undefined && fits(other, json) && !fits(report.profile, json);
  });
  return invalid.length > 0 && otherShaped.length * 2 > invalid.length ? other : undefined;
}

export function profileHintLine(other: WireProfileName): string {
  return (
    `most invalid-request properties failed on ${other}-profile error bodies; ` +
    `if the target speaks the ${other} wire format, run again with --profile ${other}.`
  );
}
