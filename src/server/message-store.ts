/**
 * The mock's memory of accepted messages: bounded by count and by request bytes so that a long
 * session or a flood of 40 MiB raw messages cannot exhaust memory; the oldest go first.
 */
import type { StoredMessage } from './stored-message.ts';

export type MessageStore = {
  /** Newest first. */
  list(): StoredMessage[];
  get(id: string): StoredMessage | undefined;
  readonly size: number;
  /** Changes whenever a message is added or the store is cleared (the inbox page polls it). */
  readonly version: number;
  /** Removes every message; returns how many there were. */
  clear(): number;
  /** Removes the message with this id; returns whether there was one. */
  remove(id: string): boolean;
};

export type WritableMessageStore = MessageStore & { add(message: StoredMessage, bytes: number): void };

export const DEFAULT_MAX_STORED_MESSAGES = 200;
export const DEFAULT_MAX_STORED_BYTES = 256 * 1024 * 1024;

export function createMessageStore(
  maxMessages = DEFAULT_MAX_STORED_MESSAGES,
  maxBytes = DEFAULT_MAX_STORED_BYTES,
): WritableMessageStore {
  // Oldest first internally: adding is a push, dropping is a shift.
  let entries: Array<{ message: StoredMessage; bytes: number }> = [];
  let totalBytes = 0;
  let version = 0;
  return {
    add(message, bytes) {
      version += 1;
      entries.push({ message, bytes });
      totalBytes += bytes;
      while (entries.length > Math.max(0, maxMessages) || (totalBytes > maxBytes && entries.length > 1)) {
        const dropped = entries.shift();
        totalBytes -= dropped?.bytes ?? 0;
      }
    },
    list: () => entries.map((e) => e.message).reverse(),
    get: (id) => entries.find((e) => e.message.id === id)?.message,
    get size() {
      return entries.length;
    },
    get version() {
      return version;
    },
    remove(id) {
      const at = entries.findIndex((e) => e.message.id === id);
      if (at === -1) return false;
      version += 1;
      totalBytes -= entries[at]?.bytes ?? 0;
      entries.splice(at, 1);
      return true;
    },
    clear() {
      version += 1;
      const count = entries.length;
      entries = [];
      totalBytes = 0;
      return count;
    },
  };
}
