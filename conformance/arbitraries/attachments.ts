/**
 * Attachments of Simple and Template content (C-CONT5): file names with an extension SES takes,
 * base64 bytes, optional content type and disposition; invalid: a blocked extension, no
 * extension, non-base64 bytes.
 */
import fc from 'fast-check';

export type Attachment = {
  FileName: string;
  RawContent: string;
  ContentType?: string;
  ContentDisposition?: 'ATTACHMENT' | 'INLINE';
  ContentTransferEncoding?: 'BASE64' | 'QUOTED_PRINTABLE' | 'SEVEN_BIT';
};

export const ALLOWED_EXTENSIONS = [
  ['pdf', 'application/pdf'],
  ['txt', 'text/plain'],
  ['png', 'image/png'],
  ['csv', 'text/csv'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
] as const;

/** A sample of reference R22. */
export const BLOCKED_EXTENSIONS = ['exe', 'bat', 'js', 'vbs', 'scr', 'ps1', 'msi', 'cmd'] as const;

const baseName = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_'),
  minLength: 1,
  maxLength: 10,
});

const bytes = fc.uint8Array({ maxLength: 48 }).map((b) => btoa(String.fromCharCode(...b)));

export const validAttachment: fc.Arbitrary<Attachment> = fc
  .tuple(
    baseName,
    fc.constantFrom(...ALLOWED_EXTENSIONS),
    bytes,
    fc.boolean(),
    fc.option(fc.constantFrom('ATTACHMENT' as const, 'INLINE' as const), { nil: undefined }),
  )
  .map(([name, [extension, type], content, withType, disposition]) => ({
    FileName: `${name}.${extension}`,
    RawContent: content,
    ...(withType ? { ContentType: type } : {}),
    ...(disposition ? { ContentDisposition: disposition } : {}),
  }));

export const validAttachments: fc.Arbitrary<Attachment[]> = fc.array(validAttachment, { maxLength: 2 });

/** C-CONT5: one broken attachment among valid ones. */
export const invalidAttachments: fc.Arbitrary<Attachment[]> = fc
  .tuple(
    fc.array(validAttachment, { maxLength: 1 }),
    validAttachment,
    fc.constantFrom('blocked-extension', 'no-extension', 'bad-base64', 'bad-disposition'),
    fc.constantFrom(...BLOCKED_EXTENSIONS),
  )
  .map(([others, attachment, defect, blocked]) => {
    const stem = attachment.FileName.replace(/\.[^.]*$/, '');
    const broken: Attachment =
      defect === 'blocked-extension'
        ? { ...attachment, FileName: `${stem}.${blocked}` }
        : defect === 'no-extension'
          ? { ...attachment, FileName: stem }
          : defect === 'bad-base64'
            ? { ...attachment, RawContent: `${attachment.RawContent}*=` }
            : ({ ...attachment, ContentDisposition: 'DOWNLOAD' } as unknown as Attachment);
    return [...others, broken];
  });
