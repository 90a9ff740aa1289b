/**
 * Shows a piece of an address inside a message for a person: in single quotes, with control
 * characters made visible (a raw CR or LF in a message would itself break a log line or a header)
 * and long values cut, while printable non-ASCII stays as is so 'bücher.de' reads as written.
 */
const LIMIT = 80;

export function quoteForMessage(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const visible = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\r') return '\\r';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  const shown = visible.length > LIMIT ? `${visible.slice(0, LIMIT - 20)}…${visible.slice(-19)}` : visible;
  return `'${shown}'`;
}
