/** The `ses-contract` package entry: the rules engine, the typed client and the reference mock. */
export {
  type AwsSesClient,
  createSesClient,
  type DocumentedSesClient,
  type SendBulkEmailRequest,
  type SendEmailRequest,
  type SesClientOptions,
} from './client.ts';
export {
  type CheckResult,
  checkSendBulkEmail,
  checkSendEmail,
  formatViolation,
  isRuleId,
  RULE_LEVELS,
  RULES,
  type RuleId,
  type RuleLevel,
  type ValidationOptions,
  type Violation,
  type ViolationLevel,
  validateSendBulkEmail,
  validateSendEmail,
} from './contract/index.ts';
export { createMockApp, type MockApp, type MockAppOptions } from './server/mock-app.ts';
export {
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from './server/start-mock-server.ts';
