/**
 * `ses-contract/mocks`: MSW handlers for SendEmail / SendBulkEmail that answer like the reference
 * mock. Environment entries live beside it: `mocks/node.ts` (`setupSesMockServer`) and
 * `mocks/browser.ts` (`setupSesMockWorker`); they are not re-exported here, because importing
 * `msw/node` breaks browser bundles and `msw/browser` breaks Node.
 */

export type { MessageStore, MockAppOptions } from '../src/server/mock-app.ts';
export {
  type CreateHandlersOptions,
  createHandlers,
  type SesHandlers,
  type StoredMessage,
} from './handlers.ts';
