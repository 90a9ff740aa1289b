/**
 * Addresses one edit away from a valid one: a character that carries address structure, white
 * space, a control or a non-ASCII character inserted, or one character replaced or deleted. These
 * are where two address parsers are most likely to part ways, so the engine-vs-SES-parser
 * comparison draws most of its addresses from here.
 */
import fc from 'fast-check';
import { validAddress } from '../arbitraries/address.ts';

const EDIT_CHARACTERS = [
  '\\',
  '"',
  '(',
  ')',
  '<',
  '>',
  ',',
  ';',
  ':',
  '@',
  '[',
  ']',
  '.',
  ' ',
  '\t',
  '\r\n',
  '\n',
  '\u0000',
  '\u0001',
  '\u007f',
  'é',
  '中',
  '-',
  '_',
  '!',
  '=',
  '?',
  'x',
  '0',
];

export const nearMissAddress: fc.Arbitrary<string> = fc
  .tuple(
    validAddress,
    fc.constantFrom('insert', 'replace', 'delete'),
    fc.constantFrom(...EDIT_CHARACTERS),
    fc.nat(),
  )
  .map(([address, edit, character, at]) => {
    const i = at % (address.length + (edit === 'insert' ? 1 : 0));
    const keep = edit === 'insert' ? i : i + 1;
    return `${address.slice(0, i)}${edit === 'delete' ? '' : character}${address.slice(keep)}`;
  });
