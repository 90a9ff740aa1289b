/**
 * Message tags (C-CONT8): names and values of 1–255 `[A-Za-z0-9_-]`, and the names
 * `ses:feedback-id-a` / `ses:feedback-id-b`. OPEN, never generated either way: a value with `.` or
 * `@`, exactly 256 characters, any other `ses:` name.
 */
import fc from 'fast-check';

const TAG_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
export const MAX_TAG_TEXT = 255;

export type MessageTag = { Name: string; Value: string };

export const tagText: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: fc.string({ unit: fc.constantFrom(...TAG_CHARS), minLength: 1, maxLength: 12 }), weight: 9 },
  { arbitrary: fc.constant('t'.repeat(MAX_TAG_TEXT)), weight: 1 },
);

const tagName: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: tagText, weight: 9 },
  { arbitrary: fc.constantFrom('ses:feedback-id-a', 'ses:feedback-id-b'), weight: 1 },
);

export const validTag: fc.Arbitrary<MessageTag> = fc.record({ Name: tagName, Value: tagText });

export const validTags: fc.Arbitrary<MessageTag[]> = fc.uniqueArray(validTag, {
  maxLength: 3,
  selector: (t) => t.Name,
});

/** Characters no tag name or value may hold (`.` and `@` are OPEN in values, so only names get them). */
const BAD_EVERYWHERE = [' ', ':', '/', '=', 'é', '+', '!', '#'] as const;
const BAD_IN_NAMES = [...BAD_EVERYWHERE, '.', '@'] as const;

/** A bad character after a `t…` prefix: never `ses:…`, whose other names are OPEN. */
const withBad = (bad: fc.Arbitrary<string>) =>
  fc.tuple(tagText, bad).map(([text, c]) => `t${text.slice(0, 8)}${c}x`);

/** C-CONT8 by clause: one bad tag (its name or its value), breaking that clause only. */
export const invalidTagByClause: Readonly<
  Record<'empty' | 'characters' | 'length', fc.Arbitrary<MessageTag>>
> = {
  empty: fc
    .tuple(validTag, fc.boolean())
    .map(([tag, inName]) => (inName ? { ...tag, Name: '' } : { ...tag, Value: '' })),
  characters: fc
    .tuple(
      validTag,
      withBad(fc.constantFrom(...BAD_IN_NAMES)),
      withBad(fc.constantFrom(...BAD_EVERYWHERE)),
      fc.boolean(),
    )
    .map(([tag, badName, badValue, inName]) =>
      inName ? { ...tag, Name: badName } : { ...tag, Value: badValue },
    ),
  length: fc
    .tuple(validTag, fc.integer({ min: 257, max: 260 }), fc.boolean())
    .map(([tag, n, inName]) => (inName ? { ...tag, Name: 't'.repeat(n) } : { ...tag, Value: 'v'.repeat(n) })),
};

/** C-CONT8, any clause. */
export const invalidTag: fc.Arbitrary<MessageTag> = fc.oneof(
  { withCrossShrink: true },
  invalidTagByClause.characters,
  invalidTagByClause.empty,
  invalidTagByClause.length,
);
