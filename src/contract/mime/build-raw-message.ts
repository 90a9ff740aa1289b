/**
 * Builds well-formed raw MIME messages for tests, examples and benchmarks: single part,
 * multipart/alternative, multipart/mixed with attachments of given sizes, or both nested. Pure and
 * deterministic (no dates, no random ids), so the same options always give the same octets.
 * Attachment content is a repeated 57-octet pattern: 76-character base64 lines, cheap to build at
 * tens of megabytes with `String.prototype.repeat`.
 */
import { MAX_RAW_DATA_CHARS } from '../rules/mime9-data-size.ts';

export type AttachmentSpec = { fileName: string; size: number; contentType?: string };

export type BodySpec =
  | { kind: 'text'; text?: string }
  | { kind: 'alternative'; text?: string; html?: string }
  | { kind: 'mixed'; text?: string; attachments: readonly AttachmentSpec[] }
  /** multipart/mixed holding a multipart/alternative (text and HTML) and then the attachments. */
  | { kind: 'nested'; text?: string; html?: string; attachments: readonly AttachmentSpec[] };

export type RawMessageOptions = {
  from?: string;
  to?: readonly string[];
  cc?: readonly string[];
  bcc?: readonly string[];
  subject?: string;
  /** Extra header lines (`Name: value`), written after the standard ones. */
  headers?: readonly string[];
  lineEnding?: '\r\n' | '\n';
  body?: BodySpec;
};

export type RawSendEmailBody = {
  FromEmailAddress: string;
  Content: { Raw: { Data: string } };
};

export const SENDER = 'sender@example.com';
const MIXED_BOUNDARY = 'mixed-7f3a';
const ALTERNATIVE_BOUNDARY = 'alt-91c2';

/** The MIME text of a message (CRLF line endings unless told otherwise). */
export function buildRawMessage(options: RawMessageOptions = {}): string {
  const eol = options.lineEnding ?? '\r\n';
  const headers = [
    `From: ${options.from ?? SENDER}`,
    ...listHeader('To', options.to ?? ['recipient@example.com']),
    ...listHeader('Cc', options.cc),
    ...listHeader('Bcc', options.bcc),
    `Subject: ${options.subject ?? 'Hello'}`,
    'MIME-Version: 1.0',
    ...(options.headers ?? []),
  ];
  return [...headers, ...entity(options.body ?? { kind: 'text' }, eol)].join(eol) + eol;
}

/** The base64 text for `Content.Raw.Data` (the MIME text as UTF-8). */
export function encodeRawData(mime: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is every ASCII character
  if (/^[\u0000-\u007f]*$/.test(mime)) return btoa(mime);
  const octets = new TextEncoder().encode(mime);
  let binary = '';
  for (let from = 0; from < octets.length; from += 8192) {
    binary += String.fromCharCode(...octets.subarray(from, from + 8192));
  }
  return btoa(binary);
}

/** A complete SendEmail body carrying `mime` as raw content; recipients come from its headers. */
export function buildSendEmailBody(mime: string): RawSendEmailBody {
  return { FromEmailAddress: SENDER, Content: { Raw: { Data: encodeRawData(mime) } } };
}

/**
 * A SendEmail body whose `Data` is over the 40 MiB limit (C-MIME9) and otherwise well formed:
 * a multipart/mixed message with one 24 MiB attachment (about 46 million base64 characters).
 */
export function buildOversizedRawBody(): RawSendEmailBody {
  const body = buildSendEmailBody(
    buildRawMessage({
      subject: 'Oversized',
      body: { kind: 'mixed', attachments: [{ fileName: 'archive.bin', size: 24 * 1024 * 1024 }] },
    }),
  );
  if (body.Content.Raw.Data.length <= MAX_RAW_DATA_CHARS)
    throw new Error('the oversized body is not oversized');
  return body;
}

function listHeader(name: string, addresses: readonly string[] | undefined): string[] {
  return addresses && addresses.length > 0 ? [`${name}: ${addresses.join(', ')}`] : [];
}

/** Header lines, the empty separator line and body lines of one entity (no trailing line ending). */
function entity(body: BodySpec, eol: string): string[] {
  switch (body.kind) {
    case 'text':
      return textPart(body.text);
    case 'alternative':
      return alternative(body.text, body.html);
    case 'mixed':
      return multipart('mixed', MIXED_BOUNDARY, [
        textPart(body.text),
        ...body.attachments.map((a) => attachmentPart(a, eol)),
      ]);
    case 'nested':
      return multipart('mixed', MIXED_BOUNDARY, [
        alternative(body.text, body.html),
        ...body.attachments.map((a) => attachmentPart(a, eol)),
      ]);
  }
}

function textPart(text = 'Hello from ses-contract.'): string[] {
  return ['Content-Type: text/plain; charset=us-ascii', 'Content-Transfer-Encoding: 7bit', '', text];
}

function htmlPart(html = '<p>Hello from <b>ses-contract</b>.</p>'): string[] {
  return ['Content-Type: text/html; charset=us-ascii', 'Content-Transfer-Encoding: 7bit', '', html];
}

function alternative(text: string | undefined, html: string | undefined): string[] {
  return multipart('alternative', ALTERNATIVE_BOUNDARY, [textPart(text), htmlPart(html)]);
}

function multipart(subtype: string, boundary: string, parts: string[][]): string[] {
  const lines = [`Content-Type: multipart/${subtype}; boundary="${boundary}"`, ''];
  for (const part of parts) lines.push(`--${boundary}`, ...part);
  lines.push(`--${boundary}--`);
  return lines;
}

function attachmentPart(spec: AttachmentSpec, eol: string): string[] {
  return [
    `Content-Type: ${spec.contentType ?? 'application/octet-stream'}; name="${spec.fileName}"`,
    `Content-Disposition: attachment; filename="${spec.fileName}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(spec.size, eol),
  ];
}

/** `size` octets of a fixed pattern as base64 in 76-character lines. */
function base64Lines(size: number, eol: string): string {
  const pattern = String.fromCharCode(...Array.from({ length: 57 }, (_, i) => (i * 31 + 7) & 0xff));
  const fullLines = Math.floor(size / 57);
  const line = btoa(pattern);
  const rest = size % 57 > 0 ? btoa(pattern.slice(0, size % 57)) : '';
  const full = fullLines > 0 ? `${line}${eol}`.repeat(fullLines - 1) + line : '';
  return full && rest ? `${full}${eol}${rest}` : full || rest;
}
