/**
 * Where the mock's ids and timestamps come from. Ids look like SES message ids
 * (`<16 hex time>-<uuid>-000000`) and end in the sequence number, so they are unique within one mock
 * whatever the PRNG does (C-W4, C-A4). With a seed, ids and timestamps are a function of the seed and
 * the sequence alone (the clock starts at a fixed instant and advances one second per id); without
 * one, ids are random and timestamps are the wall clock.
 */
import { type Random, randomSeed, seededRandom } from './seeded-random.ts';

export type MessageIdSource = {
  /** The next id and the instant it was issued. */
  next(): { id: string; createdAt: Date };
  /** A request id (x-amzn-RequestId): uuid-shaped, from the same sequence. */
  requestId(): string;
};

/** 2026-01-01T00:00:00Z: seeded clocks start here so that seeded output never depends on today. */
const SEEDED_EPOCH_MS = Date.UTC(2026, 0, 1);

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0').slice(-width);
}

function uuidShaped(random: Random): string {
  const words = [random(), random(), random(), random()].map((w) => hex(w, 8)).join('');
  // Version 4 / variant 10 bits, so the value is a syntactically valid UUID.
  const variant = hex((Number.parseInt(words[16] ?? '0', 16) & 0x3) | 0x8, 1);
  return `${words.slice(0, 8)}-${words.slice(8, 12)}-4${words.slice(13, 16)}-${variant}${words.slice(17, 20)}-${words.slice(20, 32)}`;
}

export function createMessageIdSource(seed?: number): MessageIdSource {
  const seeded = seed !== undefined;
  const random = seededRandom(seeded ? seed : randomSeed());
  // Seeded runs spread over the first day of the epoch so two seeds rarely share timestamps.
  const start = SEEDED_EPOCH_MS + (seeded ? (random() % 86_400) * 1000 : 0);
  let sequence = 0;
  return {
    next() {
      sequence += 1;
      const createdAt = new Date(seeded ? start + sequence * 1000 : Date.now());
      const id = `${hex(createdAt.getTime(), 16)}-${uuidShaped(random)}-${String(sequence).padStart(6, '0')}`;
      return { id, createdAt };
    },
    requestId: () => uuidShaped(random),
  };
}
