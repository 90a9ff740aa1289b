/**
 * Simple content (C-CONT2, C-CONT3): subject, a text and/or HTML body, custom headers and
 * attachments. A non-ASCII subject or body always carries a Charset (without one it is OPEN).
 */
import fc from 'fast-check';
import { type Attachment, validAttachments } from './attachments.ts';
import { type MessageHeader, validHeaders } from './custom-headers.ts';

export type Content = { Data: string; Charset?: string };
export type SimpleMessage = {
  Subject: Content;
  Body: { Text?: Content; Html?: Content };
  Headers?: MessageHeader[];
  Attachments?: Attachment[];
};

const asciiText = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,!?-'),
  minLength: 1,
  maxLength: 30,
});
const unicodeText = fc.constantFrom(
  'Grüße aus Köln',
  'Привет',
  'こんにちは世界',
  'مرحبا',
  'नमस्ते',
  'Ünïcödé 🎉',
);

const content: fc.Arbitrary<Content> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: asciiText.map((Data) => ({ Data })), weight: 3 },
  { arbitrary: unicodeText.map((Data) => ({ Data, Charset: 'UTF-8' })), weight: 1 },
);

const body = fc
  .tuple(content, content, fc.constantFrom('text', 'html', 'both'))
  .map(([text, html, which]) => ({
    ...(which !== 'html' ? { Text: text } : {}),
    ...(which !== 'text' ? { Html: { ...html, Data: `<p>${html.Data}</p>` } } : {}),
  }));

export const validSimpleMessage: fc.Arbitrary<SimpleMessage> = fc
  .tuple(content, body, validHeaders, validAttachments)
  .map(([subject, b, headers, attachments]) => ({
    Subject: subject,
    Body: b,
    ...(headers.length > 0 ? { Headers: headers } : {}),
    ...(attachments.length > 0 ? { Attachments: attachments } : {}),
  }));

/** C-CONT2: no subject, no body, or a body with neither text nor HTML. */
export const incompleteSimpleMessage: fc.Arbitrary<Partial<SimpleMessage>> = fc
  .tuple(validSimpleMessage, fc.constantFrom('no-subject', 'no-body', 'empty-body'))
  .map(([message, defect]) => {
    const { Subject, Body, ...rest } = message;
    if (defect === 'no-subject') return { Body, ...rest };
    if (defect === 'no-body') return { Subject, ...rest };
    return { Subject, Body: {}, ...rest };
  });

/** C-CONT3: a line break in the subject. */
export const subjectWithLineBreak: fc.Arbitrary<SimpleMessage> = fc
  .tuple(
    validSimpleMessage,
    fc.constantFrom('\r\n', '\n', '\r'),
    fc.constantFrom('Bcc: evil@example.com', 'more'),
  )
  .map(([message, br, tail]) => ({
    ...message,
    Subject: { ...message.Subject, Data: `${message.Subject.Data}${br}${tail}` },
  }));
