/**
 * A bounded memo of a pure function of a string. The engine reads the same addresses, domains,
 * A-labels and template texts again and again (a mock sees the same senders, a test run the same
 * few A-labels), so what it finds is worth keeping; the memo is dropped whole once full, and
 * over-long keys are computed but never kept, so no caller can make it grow without bound. What it
 * hands out is shared between calls: it must not be changed.
 */
export function boundedMemo<T>(
  compute: (key: string) => T,
  limits: { entries: number; keyLength: number },
): (key: string) => T {
  const remembered = new Map<string, T>();
  return (key) => {
    // Not even looked up: hashing a long key costs time, and it is never kept.
    if (key.length > limits.keyLength) return compute(key);
    const known = remembered.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (remembered.size >= limits.entries) remembered.clear();
    remembered.set(key, value);
    return value;
  };
}
