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
  ContentId?: string;
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

/** One broken attachment after up to one valid one. */
const oneBroken = (
  defects: readonly string[],
  breakIt: (attachment: Attachment, defect: string, blocked: string) => Attachment,
): fc.Arbitrary<Attachment[]> =>
  fc
    .tuple(
      fc.array(validAttachment, { maxLength: 1 }),
      validAttachment,
      fc.constantFrom(...defects),
      fc.constantFrom(...BLOCKED_EXTENSIONS),
    )
    .map(([others, attachment, defect, blocked]) => [...others, breakIt(attachment, defect, blocked)]);

const stemOf = (a: Attachment) => a.FileName.replace(/\.[^.]*$/, '');

/** C-CONT5 by clause: one broken attachment among valid ones. */
export const invalidAttachmentsByClause: Readonly<
  Record<'file-name' | 'raw-content' | 'fields', fc.Arbitrary<Attachment[]>>
> = {
  'file-name': oneBroken(['blocked-extension', 'no-extension', 'too-long', 'empty'], (a, defect, blocked) => {
    if (defect === 'blocked-extension') return { ...a, FileName: `${stemOf(a)}.${blocked}` };
    if (defect === 'no-extension') return { ...a, FileName: stemOf(a) };
    if (defect === 'too-long') return { ...a, FileName: `${'f'.repeat(252)}.pdf` };
    return { ...a, FileName: '' };
  }),
  'raw-content': oneBroken(['bad-character', 'bad-padding'], (a, defect) => ({
    ...a,
    RawContent: defect === 'bad-character' ? `${a.RawContent}*=` : 'QUJD=',
  })),
  fields: oneBroken(
    ['bad-disposition', 'bad-encoding', 'long-content-type', 'empty-content-type', 'long-content-id'],
    (a, defect) => {
      if (defect === 'bad-disposition')
        return { ...a, ContentDisposition: 'DOWNLOAD' } as unknown as Attachment;
      if (defect === 'bad-encoding')
        return { ...a, ContentTransferEncoding: 'UUENCODE' } as unknown as Attachment;
      if (defect === 'long-content-type') return { ...a, ContentType: `application/${'x'.repeat(67)}` };
      if (defect === 'empty-content-type') return { ...a, ContentType: '' };
      return { ...a, ContentId: `<${'i'.repeat(77)}>` } as Attachment;
    },
  ),
};

/** C-CONT5, any clause. */
export const invalidAttachments: fc.Arbitrary<Attachment[]> = fc.oneof(
  { withCrossShrink: true },
  invalidAttachmentsByClause['file-name'],
  invalidAttachmentsByClause['raw-content'],
  invalidAttachmentsByClause.fields,
);
