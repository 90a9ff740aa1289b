import { describe, expect, it } from 'vitest';
import { holdBody } from './held-body.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (held: Uint8Array | undefined) => (held ? new TextDecoder().decode(held) : undefined);

describe('holdBody', () => {
  it('keeps a body of declared length in one buffer of that length', () => {
    const held = holdBody(1024, 11);
    expect(held.add(bytes('hello '))).toBe(true);
    expect(held.add(bytes('world'))).toBe(true);
    expect(text(held.bytes())).toBe('hello world');
    expect(held.bytes()?.buffer.byteLength).toBe(11);
  });

  it('grows for a body without a declared length (chunked), keeping every byte in order', () => {
    const held = holdBody(1 << 20, undefined);
    const chunks = Array.from({ length: 40 }, (_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(1000)}`);
    for (const chunk of chunks) expect(held.add(bytes(chunk))).toBe(true);
    expect(text(held.bytes())).toBe(chunks.join(''));
    expect(held.length).toBe(40 * 1002);
  });

  it('lets go of what it kept once the body passes the limit, and keeps counting', () => {
    const held = holdBody(10, undefined);
    expect(held.add(bytes('12345'))).toBe(true);
    expect(held.add(bytes('678901'))).toBe(false);
    expect(held.overLimit).toBe(true);
    expect(held.bytes()).toBeUndefined();
    expect(held.add(bytes('2'))).toBe(false);
    expect(held.length).toBe(12);
  });

  it('keeps nothing of a body whose declared length is over the limit', () => {
    const held = holdBody(10, 11);
    expect(held.overLimit).toBe(true);
    expect(held.add(bytes('1'))).toBe(false);
    expect(held.bytes()).toBeUndefined();
  });

  it('an empty body is empty, not missing', () => {
    expect(holdBody(10, undefined).bytes()).toEqual(new Uint8Array(0));
    expect(holdBody(10, 0).bytes()).toEqual(new Uint8Array(0));
  });
});
