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

/** Two lowercase hex digits per byte value: ids are built from table lookups, not number formatting. */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A 32-bit unsigned integer as 8 hex digits. */
function hex8(word: number): string {
  return (
    (BYTE_HEX[word >>> 24] as string) +
    (BYTE_HEX[(word >>> 16) & 0xff] as string) +
    (BYTE_HEX[(word >>> 8) & 0xff] as string) +
    (BYTE_HEX[word & 0xff] as string)
  );
}

/** A millisecond timestamp as 16 hex digits (the top of the 64 bits stays within 2^53). */
function hex16(value: number): string {
  return hex8(Math.floor(value / 0x1_0000_0000) >>> 0) + hex8(value >>> 0);
}

function uuidShaped(random: Random): string {
  const a = hex8(random());
  const b = hex8(random());
  const c = random();
  const d = hex8(random());
  // Version 4 / variant 10 bits, so the value is a syntactically valid UUID.
  const variant = (((c >>> 28) & 0x3) | 0x8).toString(16);
  const cHex = hex8(c);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${cHex.slice(1, 4)}-${cHex.slice(4, 8)}${d}`;
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
      const id = `${hex16(createdAt.getTime())}-${uuidShaped(random)}-${String(sequence).padStart(6, '0')}`;
      return { id, createdAt };
    },
    requestId: () => uuidShaped(random),
  };
}
