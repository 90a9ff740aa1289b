/**
 * The rule ids and levels of `spec/RULES.md`, as data the engine, the servers and the reporters
 * share. `rule-catalog.test.ts` keeps this list and RULES.md in step.
 */
export type RuleLevel = 'MUST' | 'SHOULD' | 'OPEN';

export const RULE_LEVELS = {
  'C-W1': 'MUST',
  'C-W2': 'MUST',
  'C-W3': 'MUST',
  'C-W4': 'MUST',
  'C-W5': 'SHOULD',
  'C-A1': 'MUST',
  'C-A2': 'MUST',
  'C-A3': 'MUST',
  'C-A4': 'MUST',
  'C-A5': 'MUST',
  'C-ADDR1': 'MUST',
  'C-ADDR2': 'MUST',
  'C-ADDR3': 'MUST',
  'C-ADDR4': 'MUST',
  'C-ADDR5': 'MUST',
  'C-ADDR6': 'MUST',
  'C-ADDR7': 'SHOULD',
  'C-ADDR8': 'MUST',
  'C-ADDR9': 'OPEN',
  'C-DEST1': 'MUST',
  'C-DEST2': 'MUST',
  'C-DEST3': 'MUST',
  'C-DEST4': 'OPEN',
  'C-CONT1': 'MUST',
  'C-CONT2': 'MUST',
  'C-CONT3': 'MUST',
  'C-CONT4': 'MUST',
  'C-CONT5': 'MUST',
  'C-CONT6': 'MUST',
  'C-CONT7': 'MUST',
  'C-CONT8': 'MUST',
  'C-CONT9': 'MUST',
  'C-CONT10': 'MUST',
  'C-CONT11': 'MUST',
  'C-CONT12': 'SHOULD',
  'C-MIME1': 'MUST',
  'C-MIME2': 'MUST',
  'C-MIME3': 'MUST',
  'C-MIME4': 'MUST',
  'C-MIME5': 'MUST',
  'C-MIME6': 'MUST',
  'C-MIME7': 'MUST',
  'C-MIME8': 'MUST',
  'C-MIME9': 'MUST',
  'C-MIME10': 'SHOULD',
  'C-REQ1': 'MUST',
  'C-REQ2': 'MUST',
  'C-REQ3': 'SHOULD',
  'C-BULK1': 'MUST',
  'C-BULK2': 'MUST',
  'C-BULK3': 'MUST',
  'C-BULK4': 'MUST',
} as const satisfies Record<string, RuleLevel>;

export type RuleId = keyof typeof RULE_LEVELS;

/** Rules a request can break (sections 2–7); the wire rules (C-W…, C-A…) judge responses. */
export type RequestRuleId = Exclude<RuleId, `C-W${string}` | `C-A${string}`>;

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULE_LEVELS, value);
}
