/**
 * Custom headers (C-CONT4): at most 15, `X-` names of printable ASCII without `:` (never a name
 * SES sets itself), values of 1–870 printable ASCII characters. Values of 871–995 characters are
 * OPEN (the API reference says 870, the newest model 995): never generated, in either direction.
 */
import fc from 'fast-check';
import { SES_SET_HEADER_NAMES } from '../../src/contract/rules/cont4-reserved-header-names.ts';

export type MessageHeader = { Name: string; Value: string };

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!#';
const VALUE_CHARS = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789-_=;,.:/()<>@"';

export const MAX_HEADER_VALUE = 870;
export const MAX_HEADER_NAME = 126;

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
  // The C-CONT4 boundaries: the longest value, the longest name.
  {
    arbitrary: fc.constantFrom(
      { Name: 'X', Value: 'v'.repeat(MAX_HEADER_VALUE) },
      { Name: `X-${'n'.repeat(MAX_HEADER_NAME - 2)}`, Value: 'v' },
    ),
    weight: 1,
  },
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

const fewValid = fc.uniqueArray(fc.record({ Name: headerName, Value: headerValue }), {
  maxLength: 2,
  selector: (h) => h.Name.toLowerCase(),
});

/** One bad header after up to two good ones. */
const oneBad = (bad: fc.Arbitrary<MessageHeader>): fc.Arbitrary<MessageHeader[]> =>
  fc.tuple(fewValid, bad).map(([headers, header]) => [...headers, header]);

/** C-CONT4 by clause: each breaks that clause and nothing else. */
export const invalidHeadersByClause: Readonly<
  Record<'count' | 'name' | 'value' | 'reserved-name', fc.Arbitrary<MessageHeader[]>>
> = {
  count: fc
    .integer({ min: 16, max: 18 })
    .map((n) =>
      Array.from({ length: n }, (_, i) => ({ Name: `X-Header-${i + 1}`, Value: `value ${i + 1}` })),
    ),
  name: oneBad(
    fc
      .constantFrom('X-Bad:Name', 'X-Bad Name', 'X-Bädname', `X-${'n'.repeat(MAX_HEADER_NAME - 1)}`, '')
      .map((Name) => ({ Name, Value: 'v' })),
  ),
  value: oneBad(
    fc.oneof(
      { withCrossShrink: true },
      fc.constantFrom(
        { Name: 'X-Empty', Value: '' },
        { Name: 'X-Injected', Value: 'a\r\nBcc: evil@example.com' },
        { Name: 'X-Newline', Value: 'a\nb' },
        { Name: 'X-Unicode', Value: 'café' },
        { Name: 'X-Tab', Value: 'a\tb' },
      ),
      fc.integer({ min: 996, max: 1000 }).map((n) => ({ Name: 'X-Long', Value: 'v'.repeat(n) })),
    ),
  ),
  // In the case a sender might write it: the comparison is case-insensitive.
  'reserved-name': oneBad(
    fc
      .tuple(fc.constantFrom(...SES_SET_HEADER_NAMES), fc.constantFrom('as-listed', 'lower', 'upper'))
      .map(([name, spelling]) => ({
        Name: spelling === 'lower' ? name.toLowerCase() : spelling === 'upper' ? name.toUpperCase() : name,
        Value: 'x@example.com',
      })),
  ),
};

/** C-CONT4, any clause. */
export const invalidHeaders: fc.Arbitrary<MessageHeader[]> = fc.oneof(
  { withCrossShrink: true },
  invalidHeadersByClause.value,
  invalidHeadersByClause.name,
  invalidHeadersByClause['reserved-name'],
  invalidHeadersByClause.count,
);
