/** Which operation a body is meant for, when the caller did not say: bulk bodies have entries. */
import { isJsonObject } from './json-reading.ts';
import type { Operation } from './operations.ts';

export function inferOperation(body: unknown): Operation {
  if (
    isJsonObject(body) &&
    (Object.hasOwn(body, 'BulkEmailEntries') || Object.hasOwn(body, 'DefaultContent'))
  ) {
    return 'send-bulk-email';
  }
  return 'send-email';
}
