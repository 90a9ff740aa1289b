/** Message tags (C-CONT8): names and values of 1–256 `[A-Za-z0-9_-]`; never empty (OPEN). */
import fc from 'fast-check';

const TAG_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

export type MessageTag = { Name: string; Value: string };

export const tagText: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: fc.string({ unit: fc.constantFrom(...TAG_CHARS), minLength: 1, maxLength: 12 }), weight: 9 },
  { arbitrary: fc.constant('t'.repeat(256)), weight: 1 },
);

export const validTag: fc.Arbitrary<MessageTag> = fc.record({ Name: tagText, Value: tagText });

export const validTags: fc.Arbitrary<MessageTag[]> = fc.uniqueArray(validTag, {
  maxLength: 3,
  selector: (t) => t.Name,
});

/** C-CONT8: one character outside the allowed set, or 257 characters. */
export const invalidTagText: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  fc
    .tuple(tagText, fc.constantFrom(' ', '.', ':', '/', '=', 'é', '@'))
    .map(([text, bad]) => `${text.slice(0, 8)}${bad}x`),
  fc.constant('t'.repeat(257)),
);

export const invalidTag: fc.Arbitrary<MessageTag> = fc
  .tuple(validTag, invalidTagText, fc.boolean())
  .map(([tag, bad, inName]) => (inName ? { ...tag, Name: bad } : { ...tag, Value: bad }));
