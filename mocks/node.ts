/** The reference mock inside a Node process (tests, scripts): MSW's `setupServer` with our handlers. */
import { setupServer } from 'msw/node';
import { type CreateHandlersOptions, createHandlers } from './handlers.ts';

export function setupSesMockServer(options: CreateHandlersOptions = {}) {
  const handlers = createHandlers(options);
  return Object.assign(setupServer(...handlers), { messages: handlers.messages });
}
