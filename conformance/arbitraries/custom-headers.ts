/**
 * Custom headers (C-CONT4, and C-CONT12 which valid cases always keep): at most 15, `X-` names of
 * printable ASCII without `:`, values of printable ASCII, name plus value at most 996 characters.
 */
import fc from 'fast-check';

export type MessageHeader = { Name: string; Value: string };

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!#';
const VALUE_CHARS = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789-_=;,.:/()<>@"';

const headerName = fc
  .string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 12 })
  .map((n) => `X-${n}`);

const headerValue = fc
  .string({ unit: fc.constantFrom(...VALUE_CHARS), minLength: 1, maxLength: 40 })
  // A value that is all spaces is legal yet easy to mangle on the way; keep one visible character.
  .map((v) => `v${v}`);

export const validHeader: fc.Arbitrary<MessageHeader> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: fc.record({ Name: headerName, Value: headerValue }), weight: 9 },
  // The C-CONT4/C-CONT12 boundary: a 995-character value with a 1-character name.
  { arbitrary: fc.constant({ Name: 'X', Value: 'v'.repeat(995) }), weight: 1 },
);

export const validHeaders: fc.Arbitrary<MessageHeader[]> = fc.oneof(
  // Cross-shrinking lets a shrunk case drop the fifteen headers when they are not the point.
  { withCrossShrink: true },
  {
    arbitrary: fc.uniqueArray(validHeader, { maxLength: 3, selector: (h) => h.Name.toLowerCase() }),
    weight: 9,
  },
  {
    arbitrary: fc.constant(
      Array.from({ length: 15 }, (_, i) => ({ Name: `X-Header-${i + 1}`, Value: `value ${i + 1}` })),
    ),
    weight: 1,
  },
);

/** C-CONT4: one defect in one header, or a sixteenth header. */
export const invalidHeaders: fc.Arbitrary<MessageHeader[]> = fc
  .tuple(
    fc.uniqueArray(fc.record({ Name: headerName, Value: headerValue }), {
      maxLength: 2,
      selector: (h) => h.Name.toLowerCase(),
    }),
    fc.constantFrom(
      'colon-in-name',
      'space-in-name',
      'empty-value',
      'crlf-in-value',
      'unicode-value',
      'sixteen',
    ),
  )
  .map(([headers, defect]) => {
    switch (defect) {
      case 'colon-in-name':
        return [...headers, { Name: 'X-Bad:Name', Value: 'v' }];
      case 'space-in-name':
        return [...headers, { Name: 'X-Bad Name', Value: 'v' }];
      case 'empty-value':
        return [...headers, { Name: 'X-Empty', Value: '' }];
      case 'crlf-in-value':
        return [...headers, { Name: 'X-Injected', Value: 'a\r\nBcc: evil@example.com' }];
      case 'unicode-value':
        return [...headers, { Name: 'X-Unicode', Value: 'café' }];
      default:
        return Array.from({ length: 16 }, (_, i) => ({ Name: `X-Header-${i + 1}`, Value: `value ${i + 1}` }));
    }
  });
