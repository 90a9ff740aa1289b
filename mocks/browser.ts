/**
 * The reference mock in the browser: MSW's `setupWorker` with our handlers. Serve MSW's
 * `mockServiceWorker.js` (`npx msw init <public dir>`) and call `start()` before the app's first request.
 */
import { setupWorker } from 'msw/browser';
import { type CreateHandlersOptions, createHandlers } from './handlers.ts';

export function setupSesMockWorker(options: CreateHandlersOptions = {}) {
  const handlers = createHandlers(options);
  return Object.assign(setupWorker(...handlers), { messages: handlers.messages });
}
