/**
 * Which `Content-Type` values the mock reads as JSON. `application/json` with any parameters
 * (C-REQ2 allows `charset`); a missing header is OPEN in C-REQ2 and read as JSON (RULES.md
 * section 9); anything else gets 415.
 */
export function isJsonMediaType(contentType: string | null): boolean {
  // What nearly every client sends, answered without splitting the header.
  if (contentType === 'application/json') return true;
  if (contentType === null || contentType.trim() === '') return true;
  const essence = contentType.split(';', 1)[0]?.trim().toLowerCase();
  return essence === 'application/json';
}
