/**
 * A bounded memo of a pure function of a string. The engine reads the same addresses, domains,
 * A-labels and template texts again and again (a mock sees the same senders, a test run the same
 * few A-labels), so what it finds is worth keeping. What it hands out is shared between calls: it
 * must not be changed.
 *
 * It keeps two generations of at most `entries` each: when the current one is full it becomes the
 * previous one, and the one before is dropped. A value used in either is carried into the current
 * one, so values in steady use survive, while no caller can make the memo grow without bound.
 * Keys over `keyLength` characters are computed but never kept.
 */
export function boundedMemo<T>(
  compute: (key: string) => T,
  limits: { entries: number; keyLength: number },
): (key: string) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  return (key) => {
    // Not even looked up: hashing a long key costs time, and it is never kept.
    if (key.length > limits.keyLength) return compute(key);
    const known = current.get(key);
    if (known !== undefined) return known;
    const value = previous.get(key) ?? compute(key);
    if (current.size >= limits.entries) {
      previous = current;
      current = new Map();
    }
    current.set(key, value);
    return value;
  };
}
