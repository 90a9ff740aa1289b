/**
 * Text from the implementation or from generated cases, made safe for a terminal or a log: control
 * characters, bidi overrides and line/paragraph separators become `\u{…}` escapes; everything
 * else, Unicode included, is kept so names and domains stay readable.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function safeText(text: string, options: { keepNewlines?: boolean } = {}): string {
  const escaped = text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
  return options.keepNewlines ? escaped : escaped.replaceAll('\n', '\\n').replaceAll('\t', '\\t');
}
