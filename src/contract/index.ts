export { isRuleId, RULE_LEVELS, type RuleId, type RuleLevel } from './rule-catalog.ts';
export { validateSendBulkEmail } from './validate-send-bulk-email.ts';
export { validateSendEmail } from './validate-send-email.ts';
export type { ValidationOptions } from './validation-options.ts';
export { formatViolation, type Violation } from './violation.ts';
