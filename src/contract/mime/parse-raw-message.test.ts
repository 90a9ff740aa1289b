import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from './build-raw-message.ts';
import { parseRawMessage } from './parse-raw-message.ts';

describe('parseRawMessage', () => {
  it('parses headers, text and attachments of a raw message', async () => {
    const mime = buildRawMessage({
      to: ['=?UTF-8?B?SsO2cmc=?= <j@example.com>'],
      subject: 'Report',
      body: {
        kind: 'nested',
        text: 'Plain body',
        attachments: [{ fileName: 'a.pdf', size: 100, contentType: 'application/pdf' }],
      },
    });
    const email = await parseRawMessage(encodeRawData(mime));
    expect(email?.subject).toBe('Report');
    expect(email?.from).toMatchObject({ address: 'sender@example.com' });
    expect(email?.to).toMatchObject([{ name: 'J\u00f6rg', address: 'j@example.com' }]);
    expect(email?.text?.trim()).toBe('Plain body');
    expect(email?.attachments.map((a) => [a.filename, a.mimeType])).toEqual([['a.pdf', 'application/pdf']]);
  });

  it('resolves to undefined for Data that is not strict base64', async () => {
    expect(await parseRawMessage('not base64')).toBeUndefined();
  });
});
