/**
 * `TemplateData` texts run to 256 KiB, and each is parsed twice per request: C-CONT7 asks whether
 * it is a JSON object, then C-CONT14 (and rendering) needs what it holds. The first parse hands its
 * result over to the second instead of dropping it. Each result goes to one taker only, so no two
 * callers ever share an object; results nobody takes are dropped once a few have piled up.
 */
export type ParsedText = { ok: true; value: unknown } | { ok: false; error: string };

const MAX_WAITING = 64;
const waiting = new Map<string, ParsedText>();

function parse(text: string): ParsedText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** `JSON.parse(text)` as a value, kept for the next `takeParsed(text)`; read it, never change it. */
export function parseAndHandOver(text: string): ParsedText {
  const parsed = parse(text);
  if (waiting.size >= MAX_WAITING) waiting.clear();
  waiting.set(text, parsed);
  return parsed;
}

/** `JSON.parse(text)` as a value: the one `parseAndHandOver` kept for this text, else parsed now. */
export function takeParsed(text: string): ParsedText {
  const parsed = waiting.get(text);
  if (parsed === undefined) return parse(text);
  waiting.delete(text);
  return parsed;
}
