/** Text printed from the target or the generators is safe for a terminal; curl reproduces bodies exactly. */
import { describe, expect, it } from 'vitest';
import { curlCommand } from './curl-command.ts';
import { safeText } from './safe-text.ts';

describe('safeText', () => {
  it.each([
    ['a\u0000b', 'a\\u{0}b'],
    ['bell\u0007', 'bell\\u{7}'],
    ['rtl\u202eoverride', 'rtl\\u{202e}override'],
    ['line\nbreak', 'line\\nbreak'],
    ['Jürgen 山田 😀', 'Jürgen 山田 😀'],
  ])('%j → %j', (given, want) => {
    expect(safeText(given)).toBe(want);
  });

  it('keeps newlines when asked', () => {
    expect(safeText('a\nb\u001b[31m', { keepNewlines: true })).toBe('a\nb\\u{1b}[31m');
  });
});

describe('curlCommand', () => {
  const request = (body: string) => ({
    method: 'POST',
    url: 'http://127.0.0.1:1/v2/email/outbound-emails',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
  });

  it('single-quotes a plain body, escaping quotes', () => {
    expect(curlCommand(request(`{"a":"it's"}`))).toBe(
      `curl -sS -i -X POST 'http://127.0.0.1:1/v2/email/outbound-emails' -H 'content-type: application/json' --data-binary '{"a":"it'\\''s"}'`,
    );
  });

  it("uses $'…' with UTF-8 byte escapes when the body holds control characters", () => {
    expect(curlCommand(request('a\u0000\u0085\\'))).toContain(`--data-binary $'a\\x00\\xc2\\x85\\\\'`);
  });

  it('says how to re-send a body too long for a command line instead of printing it', () => {
    const line = curlCommand(request('x'.repeat(20_000)), (bytes) => `# ${bytes} bytes: use --replay`);
    expect(line).toBe('# 20000 bytes: use --replay');
    expect(curlCommand(request('x'.repeat(100)), () => 'unused')).toMatch(/^curl /);
  });
});
