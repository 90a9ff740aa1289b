/**
 * A JSON text carried in a string field (`TemplateData`, `ReplacementTemplateData`), parsed once
 * per request: the operation's composer reads each such field here and hands the result to every
 * rule that needs it (C-CONT7 asks whether it is an object, C-CONT14 what it holds). The texts run
 * to 256 KiB, so a second parse would cost as much as the rest of the check.
 */
export type ParsedText = { ok: true; value: unknown } | { ok: false; error: string };

/** `JSON.parse(text)` as a value (read it, never change it: several rules share it); undefined when the field is absent. */
export function parseJsonText(text: string | undefined): ParsedText | undefined {
  if (text === undefined) return undefined;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
