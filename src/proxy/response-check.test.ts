import { describe, expect, it } from 'vitest';
import { validSendBulkEmail } from '../server/sample-requests.test-support.ts';
import { checkRequest } from './request-check.ts';
import { checkResponse } from './response-check.ts';

/** Three entries; the first and the last break C-BULK3 (a bad recipient), the middle one is valid. */
function bulkWithTwoBadEntries(): Record<string, unknown> {
  return {
    ...validSendBulkEmail(),
    BulkEmailEntries: [
      { Destination: { ToAddresses: ['ann@@example.com'] } },
      { Destination: { ToAddresses: ['bob@example.com'] } },
      { Destination: { ToAddresses: ['cy@@example.com'] } },
    ],
  };
}

function checkedRequestOf(body: unknown) {
  return checkRequest({
    operation: 'send-bulk-email',
    contentType: 'application/json',
    bytes: new TextEncoder().encode(JSON.stringify(body)),
    length: 0,
    limitBytes: 1 << 20,
    strict: false,
  });
}

const answered = (statuses: string[]) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    BulkEmailEntryResults: statuses.map((Status) =>
      Status === 'SUCCESS' ? { Status, MessageId: 'm' } : { Status, Error: 'bad recipient' },
    ),
  }),
});

describe('proxy response check, aws bulk with several bad entries (C-A5)', () => {
  const checked = checkedRequestOf(bulkWithTwoBadEntries());

  it('holds C-BULK3 violations at entries 0 and 2 only', () => {
    expect(checked.violations.map((v) => [v.rule, v.path.split('/')[2]])).toEqual([
      ['C-BULK3', '0'],
      ['C-BULK3', '2'],
    ]);
  });

  it('is no finding when every bad entry is answered on its own and the good one succeeds', () => {
    const answer = answered(['MESSAGE_REJECTED', 'SUCCESS', 'INVALID_PARAMETER']);
    expect(checkResponse('send-bulk-email', checked, answer, 'aws')).toBeUndefined();
  });

  it('nor when the whole request is refused', () => {
    const answer = {
      status: 400,
      headers: { 'x-amzn-errortype': 'BadRequestException' },
      body: JSON.stringify({ message: 'bad recipients' }),
    };
    expect(checkResponse('send-bulk-email', checked, answer, 'aws')).toBeUndefined();
  });

  it('names a bad entry answered SUCCESS, whichever it is', () => {
    expect(
      checkResponse('send-bulk-email', checked, answered(['MESSAGE_REJECTED', 'SUCCESS', 'SUCCESS']), 'aws'),
    ).toMatchObject({ rule: 'C-BULK3', message: expect.stringMatching(/^entry 2 breaks C-BULK3/) });
  });

  it('names a good entry answered as failed under C-A5', () => {
    expect(
      checkResponse('send-bulk-email', checked, answered(['FAILED', 'FAILED', 'FAILED']), 'aws'),
    ).toMatchObject({
      rule: 'C-A5',
      message: expect.stringMatching(/^only entries 0, 2 are invalid, yet entry 1 has Status FAILED/),
    });
  });

  it('in the documented profile a 200 is still an acceptance of an invalid request', () => {
    expect(
      checkResponse(
        'send-bulk-email',
        checked,
        {
          status: 200,
          headers: {},
          body: JSON.stringify({ success: true, data: { id: 'x', created_at: new Date().toISOString() } }),
        },
        'documented',
      ),
    ).toMatchObject({ rule: 'C-BULK3' });
  });
});

describe('proxy response check, an aws error body of the wrong shape (C-A3)', () => {
  const checked = checkedRequestOf(bulkWithTwoBadEntries());
  const refused = (body: string) => ({
    status: 400,
    headers: { 'x-amzn-errortype': 'BadRequestException', 'content-type': 'application/json' },
    body,
  });

  it('says the body is not JSON when it is not', () => {
    const problem = checkResponse('send-bulk-email', checked, refused('<html>oops</html>'), 'aws');
    expect(problem).toMatchObject({
      rule: 'C-A3',
      message: expect.stringMatching(/^the error body is not JSON/),
    });
  });

  it('says what it lacks when it is JSON of another shape (the documented envelope)', () => {
    const documented = JSON.stringify({ success: false, error: { code: 'VALIDATION_ERROR', message: 'x' } });
    const problem = checkResponse('send-bulk-email', checked, refused(documented), 'aws');
    expect(problem).toMatchObject({
      rule: 'C-A3',
      message: expect.stringMatching(/^the error body is JSON without a string message\/Message member/),
    });
  });
});
