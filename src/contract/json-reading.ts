/**
 * Reading members of a request body that the schema may have rejected: the semantic rules run
 * next to the schema (one pass reports everything), so they must not trust any type.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The member when it is an object, else undefined. */
export function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const member = Object.hasOwn(value, key) ? value[key] : undefined;
  return isJsonObject(member) ? member : undefined;
}

/** The member when it is a string, else undefined. */
export function stringAt(value: unknown, key: string): string | undefined {
  if (!isJsonObject(value) || !Object.hasOwn(value, key)) return undefined;
  const member = value[key];
  return typeof member === 'string' ? member : undefined;
}

/** The member's items with their indexes when it is an array, else []. */
export function itemsAt(value: unknown, key: string): Array<[index: number, item: unknown]> {
  if (!isJsonObject(value) || !Object.hasOwn(value, key)) return [];
  const member = value[key];
  return Array.isArray(member) ? member.map((item, index) => [index, item]) : [];
}

/** The member when it is an array, else undefined: `itemsAt` without building index pairs. */
export function arrayAt(value: unknown, key: string): readonly unknown[] | undefined {
  if (!isJsonObject(value) || !Object.hasOwn(value, key)) return undefined;
  const member = value[key];
  return Array.isArray(member) ? member : undefined;
}

/** The string items of the member when it is an array (other items skipped), else []. */
export function stringsAt(value: unknown, key: string): string[] {
  const items = arrayAt(value, key);
  const found: string[] = [];
  if (items) for (const item of items) if (typeof item === 'string') found.push(item);
  return found;
}
