import { describe, expect, it } from 'vitest';
import aws from '../../generated/sesv2.aws.openapi.json' with { type: 'json' };
import documented from '../../generated/sesv2.documented.openapi.json' with { type: 'json' };
import { OPERATION_TABLE, OPERATIONS } from './operations.ts';

type PathItem = Record<
  string,
  { operationId?: string; requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }
>;

/** Every operation of a spec document as `[method, path, operationId, request schema]`. */
function specOperations(spec: { paths: unknown }): string[][] {
  return Object.entries(spec.paths as Record<string, PathItem>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => [
      method,
      path,
      operation.operationId ?? '',
      operation.requestBody?.content?.['application/json']?.schema?.$ref?.replace(
        '#/components/schemas/',
        '',
      ) ?? '',
    ]),
  );
}

describe('the operations table', () => {
  const table = OPERATIONS.map((id) => {
    const { path, operationId, requestSchema } = OPERATION_TABLE[id];
    return ['post', path, operationId, requestSchema];
  });

  it.each([
    ['documented', documented],
    ['aws', aws],
  ])('says what the %s spec says, and names every operation it has', (_, spec) => {
    expect(specOperations(spec).sort()).toEqual(table.sort());
  });

  it('lists each operation once, with its own path and SES name', () => {
    expect(Object.keys(OPERATION_TABLE).sort()).toEqual([...OPERATIONS].sort());
    expect(new Set(OPERATIONS.map((id) => OPERATION_TABLE[id].path)).size).toBe(OPERATIONS.length);
    expect(OPERATIONS.map((id) => OPERATION_TABLE[id].name)).toEqual(['SendEmail', 'SendBulkEmail']);
  });
});
