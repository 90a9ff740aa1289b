/**
 * Why a case failed: the rule the implementation broke, a "received / expected" sentence, and the
 * rule ids the implementation itself cited in its error (when it rejected something valid, those
 * usually name the rule it gets wrong).
 */
import { isRuleId, type RuleId } from '../../src/contract/rule-catalog.ts';
import type { Exchange } from '../transport/exchange.ts';

export type Problem = { rule: RuleId; message: string; cites?: RuleId[] };

/** A short account of what came back, for "Received …" sentences. */
export function received(exchange: Exchange): string {
  if (!exchange.response) return `no answer (${exchange.error ?? 'unknown error'})`;
  const { status, body } = exchange.response;
  const shown = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  return `${status} ${shown || '(empty body)'}`;
}

/** Rule ids in `error.details[].rule` (documented profile) or anywhere in an AWS message. */
export function citedRules(exchange: Exchange): RuleId[] {
  const json = exchange.response?.json as { error?: { details?: unknown } } | undefined;
  const found = new Set<RuleId>();
  const details = json?.error?.details;
  if (Array.isArray(details)) {
    for (const d of details) {
      const rule = (d as { rule?: unknown })?.rule;
      if (typeof rule === 'string' && isRuleId(rule)) found.add(rule);
    }
  }
  for (const match of (exchange.response?.body ?? '').matchAll(/C-[A-Z]+[0-9]+/g)) {
    if (isRuleId(match[0])) found.add(match[0]);
  }
  return [...found];
}
