/**
 * A request body kept once while it streams through the proxy: the engine needs it whole, the
 * target gets each chunk as it arrives. With a declared length the bytes go straight into one
 * buffer of that size; without one the buffer doubles as it fills. Past the limit nothing more is
 * kept and what was kept is let go, so a body over C-MIME9's limit never sits in memory.
 */
export type HeldBody = {
  /** Keeps a chunk; false once the body is over the limit (the chunk is then not kept). */
  add(chunk: Uint8Array): boolean;
  readonly overLimit: boolean;
  /** Bytes seen, kept or not. */
  readonly length: number;
  /** The kept bytes, a view of the one buffer (undefined over the limit). */
  bytes(): Uint8Array | undefined;
};

const FIRST_CAPACITY = 16 * 1024;

export function holdBody(limit: number, declaredLength: number | undefined): HeldBody {
  let buffer: Uint8Array | undefined =
    declaredLength !== undefined && declaredLength <= limit ? new Uint8Array(declaredLength) : undefined;
  let length = 0;
  let overLimit = declaredLength !== undefined && declaredLength > limit;
  return {
    add(chunk) {
      length += chunk.byteLength;
      if (overLimit) return false;
      if (length > limit) {
        overLimit = true;
        buffer = undefined;
        return false;
      }
      if (!buffer || buffer.byteLength < length) {
        let capacity = Math.max(buffer?.byteLength ?? 0, FIRST_CAPACITY);
        while (capacity < length) capacity *= 2;
        const grown = new Uint8Array(Math.min(capacity, limit));
        if (buffer) grown.set(buffer.subarray(0, length - chunk.byteLength));
        buffer = grown;
      }
      buffer.set(chunk, length - chunk.byteLength);
      return true;
    },
    get overLimit() {
      return overLimit;
    },
    get length() {
      return length;
    },
    bytes() {
      if (overLimit) return undefined;
      return buffer ? buffer.subarray(0, length) : new Uint8Array(0);
    },
  };
}
