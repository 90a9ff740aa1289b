import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';
import { checkRawDataBase64 } from './mime1-strict-base64.ts';

const PATH = '/Content/Raw/Data';
const valid = encodeRawData(buildRawMessage());

describe('C-MIME1 strict base64 Data', () => {
  it.each([
    ['text that is not base64', 'not base64!'],
    ['a line-wrapped blob', `${valid.slice(0, 76)}\n${valid.slice(76)}`],
    ['missing padding', valid.replace(/=+$/, '') || 'QUJDRA'],
    ['non-canonical padding bits', 'QR=='],
    ['URL-safe alphabet', valid.replaceAll('+', '-').replaceAll('/', '_').replace(/^./, '-')],
    ['leading space', ` ${valid.slice(1)}`],
  ])('%s is only C-MIME1, and nothing is parsed', (_name, data) => {
    const report = checkRawMessage(data, PATH);
    expect(report.violations.map((v) => v.rule)).toEqual(['C-MIME1']);
    expect(report.violations[0]?.path).toBe(PATH);
    expect(report.recipients).toBeUndefined();
  });

  it('accepts strict base64, including the empty string', () => {
    expect(checkRawDataBase64(valid, PATH)).toEqual([]);
    expect(checkRawDataBase64('', PATH)).toEqual([]);
  });
});
