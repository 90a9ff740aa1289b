import { describe, expect, it } from 'vitest';
import { checkMessageTags } from './cont8-message-tags.ts';

const check = (Name: string, Value: string) =>
  checkMessageTags({ EmailTags: [{ Name, Value }] }, '', 'EmailTags');

describe('C-CONT8 message tags', () => {
  it.each([
    ['an empty name', '', 'v', 'empty', '/EmailTags/0/Name', 'a tag name must not be empty'],
    ['an empty value', 'n', '', 'empty', '/EmailTags/0/Value', 'a tag value must not be empty'],
    ['a space in a name', 'my tag', 'v', 'characters', '/EmailTags/0/Name', 'a space (U+0020) at position 3'],
    ['a slash in a value', 'n', 'a/b', 'characters', '/EmailTags/0/Value', "'/' (U+002F) at position 2"],
    ['a dot in a name', 'a.b', 'v', 'characters', '/EmailTags/0/Name', "'.' (U+002E) at position 2"],
    ['non-ASCII in a value', 'n', 'café', 'characters', '/EmailTags/0/Value', "'é' (U+00E9) at position 4"],
    ['another ses: name', 'ses:source-ip', 'v', 'characters', '/EmailTags/0/Name', 'ses:feedback-id-a'],
    ['a 257-character name', 'n'.repeat(257), 'v', 'length', '/EmailTags/0/Name', '257 characters'],
    ['a 257-character value', 'n', 'v'.repeat(257), 'length', '/EmailTags/0/Value', '257 characters'],
  ])('%s is invalid', (_name, name, value, clause, path, message) => {
    const found = check(name, value);
    expect(found).toMatchObject([{ rule: 'C-CONT8', clause, level: 'MUST', path }]);
    expect(found[0]?.message).toContain(message);
  });

  it.each([
    ['the SES name ses:feedback-id-a', 'ses:feedback-id-a', 'c-42'],
    ['the SES name ses:feedback-id-b', 'ses:feedback-id-b', 'run_7'],
    ['letters, digits, _ and -', 'a_B-9', 'Z-_0'],
    ['255 characters', 'n'.repeat(255), 'v'.repeat(255)],
    ['256 characters (OPEN: the model allows it)', 'n'.repeat(256), 'v'.repeat(256)],
    ['. and @ in a value (OPEN: SES’s current text allows them)', 'n', 'a.b@example'],
  ])('%s is accepted', (_name, name, value) => {
    expect(check(name, value)).toEqual([]);
  });

  it('checks every tag of the list at its own path, skipping non-strings (C-REQ2 reports them)', () => {
    const found = checkMessageTags(
      {
        ReplacementTags: [
          { Name: 'ok', Value: 'ok' },
          { Name: 5, Value: 'x y' },
        ],
      },
      '/BulkEmailEntries/3',
      'ReplacementTags',
    );
    expect(found.map((v) => v.path)).toEqual(['/BulkEmailEntries/3/ReplacementTags/1/Value']);
  });
});
