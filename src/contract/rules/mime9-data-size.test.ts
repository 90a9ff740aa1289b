import { describe, expect, it } from 'vitest';
import { buildOversizedRawBody } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';
import { checkRawDataSize, MAX_RAW_DATA_CHARS } from './mime9-data-size.ts';

const PATH = '/Content/Raw/Data';

describe('C-MIME9 Data size', () => {
  it('allows exactly 41,943,040 characters and rejects one more', () => {
    expect(MAX_RAW_DATA_CHARS).toBe(40 * 1024 * 1024);
    expect(checkRawDataSize('A'.repeat(MAX_RAW_DATA_CHARS), PATH)).toEqual([]);
    expect(checkRawDataSize('A'.repeat(MAX_RAW_DATA_CHARS + 1), PATH)).toMatchObject([
      { rule: 'C-MIME9', path: PATH },
    ]);
  });

  it('is checked before the base64, so an oversized blob is never decoded', () => {
    const report = checkRawMessage('!'.repeat(MAX_RAW_DATA_CHARS + 4), PATH);
    expect(report.violations.map((v) => v.rule)).toEqual(['C-MIME9']);
    expect(report.recipients).toBeUndefined();
  });

  it('rejects the oversized fixture for its size alone', () => {
    const data = buildOversizedRawBody().Content.Raw.Data;
    expect(data.length).toBeGreaterThan(MAX_RAW_DATA_CHARS);
    expect(checkRawMessage(data, PATH).violations.map((v) => v.rule)).toEqual(['C-MIME9']);
  });
});
