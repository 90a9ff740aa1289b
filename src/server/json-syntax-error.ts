/**
 * Where JSON text stops being JSON, for messages a person can act on. V8 names the position for
 * some errors ("… in JSON at position 7") and not for others ("Unexpected end of JSON input",
 * "Unexpected token 'x', … is not valid JSON"). A prefix of the text either fails at its end
 * (fine so far: more was to come) or before it (broken already), and that is monotonic in the
 * prefix's length, so a binary search with `JSON.parse` itself finds the first bad character.
 * The search parses up to log2(n) prefixes, so past `LOCATED_UP_TO` characters the position is
 * left out: a server must not spend seconds describing a hostile 10 MiB body.
 */

/** The longest text whose error position is searched for (1 MiB of characters). */
export const LOCATED_UP_TO = 1 << 20;

const V8_POSITION = / (?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?$/;

/** Whether the error in `prefix` lies before its end (an error at the end only means "more to come"). */
function brokenBy(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (/Unexpected end of JSON input/.test(message)) return false;
    const position = V8_POSITION.exec(message)?.[1];
    return position === undefined || Number(position) < prefix.length;
  }
}

/** The 0-based index of the first character after which `text` cannot be the start of JSON. */
function firstBadIndex(text: string): number {
  let low = 0;
  let high = text.length;
  // Invariant: text.slice(0, low) is not broken; text.slice(0, high) is (or high = text.length).
  while (low < high) {
    const middle = Math.floor((low + high + 1) / 2);
    if (brokenBy(text.slice(0, middle))) high = middle - 1;
    else low = middle;
  }
  return low;
}

function lineAndColumn(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/** `JSON.parse`'s message for `text`, ending with where the error is: `… at line 1, column 8`. */
export function jsonSyntaxError(text: string, error: Error): string {
  const message = error.message.replace(V8_POSITION, '');
  const known = V8_POSITION.exec(error.message)?.[1];
  if (known !== undefined) return `${message} at ${lineAndColumn(text, Number(known))}`;
  // The whole text is a good start of JSON: it breaks where it ends.
  if (/Unexpected end of JSON input/.test(message))
    return `${message} at ${lineAndColumn(text, text.length)}`;
  if (text.length > LOCATED_UP_TO) return message;
  return `${message} at ${lineAndColumn(text, firstBadIndex(text))}`;
}
