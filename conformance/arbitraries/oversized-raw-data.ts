/**
 * C-MIME9: a well-formed raw message whose base64 text is just over 40 MiB (41,943,040 characters).
 * Built once per sender and kept: it is the same bytes every time, and building it takes a while.
 */

export const MAX_RAW_DATA_CHARS = 41_943_040;

const built = new Map<string, string>();

export function oversizedRawData(from: string): string {
  const cached = built.get(from);
  if (cached) return cached;
  const head = `From: ${from}\r\nTo: big@example.com\r\nSubject: Large\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n`;
  const line = `${'x'.repeat(76)}\r\n`;
  // Base64 turns 3 octets into 4 characters: enough octets for one group past the limit.
  const octets = (MAX_RAW_DATA_CHARS / 4) * 3 + 3 - head.length;
  const body = line.repeat(Math.ceil(octets / line.length));
  const data = btoa(head + body);
  built.set(from, data);
  return data;
}
