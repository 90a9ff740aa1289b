import { describe, expect, it } from 'vitest';
import { checkReservedHeaderNames, RESERVED_HEADER_NAMES } from './cont4-reserved-header-names.ts';

const check = (Name: string) =>
  checkReservedHeaderNames({ Headers: [{ Name, Value: 'v' }] }, '/Content/Simple');

describe('C-CONT4 reserved-name: headers SES sets itself', () => {
  it('knows the twelve names of the header-fields guide', () => {
    expect(RESERVED_HEADER_NAMES.size).toBe(12);
  });

  it.each([
    'BCC',
    'Cc',
    'content-disposition',
    'Content-Type',
    'DATE',
    'From',
    'message-id',
    'MIME-Version',
    'Reply-To',
    'Return-Path',
    'Subject',
    'to',
  ])('%s is invalid, in any case', (name) => {
    expect(check(name)).toMatchObject([
      { rule: 'C-CONT4', clause: 'reserved-name', level: 'MUST', path: '/Content/Simple/Headers/0/Name' },
    ]);
  });

  it('says what to use instead where the request has a member for it', () => {
    expect(check('Reply-To')[0]?.message).toContain('use ReplyToAddresses');
  });

  it.each(['X-From', 'Reply-To-Old', 'Subjects', 'List-Unsubscribe', 'Sender', 'In-Reply-To'])(
    '%s is allowed',
    (name) => {
      expect(check(name)).toEqual([]);
    },
  );

  it('checks bulk ReplacementHeaders at their own path', () => {
    expect(
      checkReservedHeaderNames(
        {
          ReplacementHeaders: [
            { Name: 'X-A', Value: 'a' },
            { Name: 'To', Value: 'b' },
          ],
        },
        '/BulkEmailEntries/2',
        'ReplacementHeaders',
      ).map((v) => v.path),
    ).toEqual(['/BulkEmailEntries/2/ReplacementHeaders/1/Name']);
  });
});
