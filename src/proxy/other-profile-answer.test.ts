import { describe, expect, it } from 'vitest';
import { isOtherProfileAnswer, otherProfileHint } from './other-profile-answer.ts';

const DOCUMENTED_OK = { success: true, data: { id: 'm-1', created_at: '2026-11-30T00:00:00Z' } };
const DOCUMENTED_ERROR = { success: false, error: { code: 'VALIDATION_ERROR', message: 'C-ADDR1 …' } };
const AWS_OK = { MessageId: 'm-1' };
const AWS_ERROR = { message: 'C-ADDR1 …' };

describe('isOtherProfileAnswer', () => {
  it('is true for a body of the other profile, by status', () => {
    expect(isOtherProfileAnswer('aws', 'send-email', 200, DOCUMENTED_OK)).toBe(true);
    expect(isOtherProfileAnswer('aws', 'send-email', 400, DOCUMENTED_ERROR)).toBe(true);
    expect(isOtherProfileAnswer('documented', 'send-email', 200, AWS_OK)).toBe(true);
    expect(
      isOtherProfileAnswer('documented', 'send-bulk-email', 200, {
        BulkEmailEntryResults: [{ Status: 'SUCCESS', MessageId: 'm-1' }],
      }),
    ).toBe(true);
  });

  it('is false for its own profile, for bodies of neither, and for what is not JSON', () => {
    expect(isOtherProfileAnswer('documented', 'send-email', 200, DOCUMENTED_OK)).toBe(false);
    expect(isOtherProfileAnswer('aws', 'send-email', 400, AWS_ERROR)).toBe(false);
    expect(isOtherProfileAnswer('aws', 'send-email', 200, { ok: 1 })).toBe(false);
    expect(isOtherProfileAnswer('aws', 'send-email', 500, undefined)).toBe(false);
    // A success body answered with an error status is no profile's answer.
    expect(isOtherProfileAnswer('aws', 'send-email', 400, DOCUMENTED_OK)).toBe(false);
  });
});

describe('otherProfileHint', () => {
  it('names the other profile when more than half the faulted answers had its shape', () => {
    expect(otherProfileHint('documented', 3, 2)).toMatch(/2 of the 3 .* --profile aws\.$/);
    expect(otherProfileHint('documented', 4, 2)).toBeUndefined();
    expect(otherProfileHint('aws', 0, 0)).toBeUndefined();
  });
});
