import { describe, expect, it } from 'vitest';
import { createMessageIdSource } from './message-ids.ts';
import { seededRandom } from './seeded-random.ts';

/** The ids as first written (number formatting, one join): seeded output must never drift from it. */
function referenceSource(seed: number) {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0').slice(-width);
  const random = seededRandom(seed);
  const uuid = () => {
    const words = [random(), random(), random(), random()].map((w) => hex(w, 8)).join('');
    const variant = hex((Number.parseInt(words[16] ?? '0', 16) & 0x3) | 0x8, 1);
    return `${words.slice(0, 8)}-${words.slice(8, 12)}-4${words.slice(13, 16)}-${variant}${words.slice(17, 20)}-${words.slice(20, 32)}`;
  };
  const start = Date.UTC(2026, 0, 1) + (random() % 86_400) * 1000;
  let sequence = 0;
  return {
    next: () => {
      sequence += 1;
      const time = start + sequence * 1000;
      return `${hex(time, 16)}-${uuid()}-${String(sequence).padStart(6, '0')}`;
    },
    requestId: uuid,
  };
}

describe('message ids', () => {
  it('gives the same seeded ids as ever', () => {
    const ids = createMessageIdSource(2026);
    expect(ids.next().id).toBe('0000019b791e1fc0-4ef99a7a-a941-4d56-9e54-645426fbd429-000001');
    expect(ids.next().id).toBe('0000019b791e23a8-38cab922-aecf-483c-8d29-1ed94b20c4f2-000002');
    expect(ids.requestId()).toBe('0aec4c28-110b-4427-9e9c-d56f63891dff');
    expect(createMessageIdSource(0xffffffff).next().createdAt.toISOString()).toBe('2026-01-01T09:50:12.000Z');
  });

  it.each([0, 1, 5, 42, 0x7fffffff, 0xffffffff])('matches the reference formatting for seed %d', (seed) => {
    const ids = createMessageIdSource(seed);
    const reference = referenceSource(seed);
    for (let i = 0; i < 500; i++) {
      expect(ids.next().id).toBe(reference.next());
      expect(ids.requestId()).toBe(reference.requestId());
    }
  });

  it('writes wall-clock ids with 16 hex digits of time and a v4-shaped uuid', () => {
    const { id, createdAt } = createMessageIdSource().next();
    expect(id).toMatch(
      /^[0-9a-f]{16}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-000001$/,
    );
    expect(Number.parseInt(id.slice(0, 16), 16)).toBe(createdAt.getTime());
  });
});
