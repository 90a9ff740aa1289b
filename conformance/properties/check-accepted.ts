/**
 * Was a valid request accepted the way the profile says (C-W1 documented; C-A1 / C-A2 aws)? The
 * response bodies are checked with the spec's own schemas, never a second hand-written one.
 */
import { specSchema } from '../../src/contract/schema/spec-ajv.ts';
import { answerSchemaName, type WireProfileName } from '../../src/contract/schema/spec-documents.ts';
import type { Operation } from '../case.ts';
import type { Exchange } from '../transport/exchange.ts';
import { citedRules, type Problem, received } from './problem.ts';

export type AcceptedContext = { profile: WireProfileName; operation: Operation; entries?: number };

function schemaErrors(profile: WireProfileName, name: string, value: unknown): string | undefined {
  const validate = specSchema(profile, name);
  if (validate(value)) return undefined;
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

export function successRule(profile: WireProfileName, operation: Operation): 'C-W1' | 'C-A1' | 'C-A2' {
  if (profile === 'documented') return 'C-W1';
  return operation === 'send-email' ? 'C-A1' : 'C-A2';
}

export function checkAccepted(exchange: Exchange, context: AcceptedContext): Problem | undefined {
  const rule = successRule(context.profile, context.operation);
  const response = exchange.response;
  if (response?.status !== 200) {
    // Wire rules (C-W…, C-A…) say nothing about which request rule the implementation applies.
    const cites = citedRules(exchange).filter((r) => !/^C-[WA]\d/.test(r));
    return {
      rule,
      message: `a valid ${context.operation} request was not accepted. Received: ${received(exchange)}. Expected: 200.`,
      ...(cites.length > 0 ? { cites } : {}),
    };
  }
  const mediaType = response.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(mediaType)) {
    return { rule, message: `the 200 answer has Content-Type '${mediaType}'. Expected: application/json.` };
  }
  if (response.json === undefined)
    return { rule, message: `the 200 answer is not JSON. Received: ${received(exchange)}` };
  const schema = answerSchemaName(context.profile, context.operation, 'accepted');
  const errors = schemaErrors(context.profile, schema, response.json);
  if (errors)
    return {
      rule,
      message: `the 200 body does not match ${schema} (${errors}). Received: ${received(exchange)}`,
    };
  if (context.profile === 'aws' && context.operation === 'send-bulk-email') {
    const results = (
      response.json as { BulkEmailEntryResults: Array<{ Status: string; MessageId?: string }> }
    ).BulkEmailEntryResults;
    if (results.length !== context.entries) {
      return {
        rule,
        message: `${results.length} results for ${context.entries} entries. Expected: one result per entry.`,
      };
    }
    const failed = results.findIndex((r) => r.Status !== 'SUCCESS' || !r.MessageId);
    if (failed >= 0) {
      return {
        rule,
        message: `entry ${failed} is valid but its result is ${JSON.stringify(results[failed])}. Expected: Status SUCCESS with a MessageId.`,
      };
    }
  }
  return undefined;
}

/** The ids an accepted answer hands out (C-W4 / C-A4). */
export function acceptedIds(exchange: Exchange, profile: WireProfileName): string[] {
  const json = exchange.response?.json as Record<string, unknown> | undefined;
  if (!json) return [];
  if (profile === 'documented') {
    const id = (json.data as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' ? [id] : [];
  }
  if (typeof json.MessageId === 'string') return [json.MessageId];
  const results = json.BulkEmailEntryResults;
  if (!Array.isArray(results)) return [];
  return results.flatMap((r) => (typeof r?.MessageId === 'string' ? [r.MessageId as string] : []));
}
