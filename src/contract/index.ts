export { isRuleId, RULE_LEVELS, RULES, type RuleId, type RuleLevel } from './rule-catalog.ts';
export { checkSendBulkEmail, validateSendBulkEmail } from './validate-send-bulk-email.ts';
export { checkSendEmail, validateSendEmail } from './validate-send-email.ts';
export type { CheckResult, ValidationOptions } from './validation-options.ts';
export { formatViolation, type Violation, type ViolationLevel } from './violation.ts';
