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
  formatViolation,
  isRuleId,
  RULE_LEVELS,
  type RuleId,
  type RuleLevel,
  type ValidationOptions,
  type Violation,
  validateSendBulkEmail,
  validateSendEmail,
} from './contract/index.ts';
export { createMockApp, type MockApp, type MockAppOptions } from './server/mock-app.ts';
export {
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from './server/start-mock-server.ts';
