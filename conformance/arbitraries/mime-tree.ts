/**
 * MIME trees for `Content.Raw.Data` and their serialisation with CRLF: single parts,
 * multipart/alternative, multipart/mixed with attachments, nested multiparts with distinct
 * boundaries, 7bit / quoted-printable / base64 bodies, folded headers. Everything is 7-bit on the
 * wire: non-ASCII text travels as QP or base64, non-ASCII header text as encoded-words.
 */
import fc from 'fast-check';
import { ALLOWED_EXTENSIONS } from './attachments.ts';

export type Leaf = {
  kind: 'leaf';
  contentType: string;
  encoding: '7bit' | 'quoted-printable' | 'base64';
  text: string;
  fileName?: string;
};
export type Multipart = {
  kind: 'multipart';
  subtype: 'alternative' | 'mixed' | 'related';
  parts: MimeNode[];
};
export type MimeNode = Leaf | Multipart;

const utf8 = new TextEncoder();

export function base64OfBytes(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.length > 0 ? lines : [''];
}

/** Quoted-printable (RFC 2045 6.7) of UTF-8 text, soft line breaks under 76 characters. */
export function quotedPrintable(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    const bytes = utf8.encode(line);
    bytes.forEach((byte, i) => {
      const c = String.fromCharCode(byte);
      const last = i === bytes.length - 1;
      const literal = byte >= 33 && byte <= 126 && c !== '=' ? c : byte === 32 && !last ? ' ' : null;
      const piece = literal ?? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      if (current.length + piece.length > 75) {
        lines.push(`${current}=`);
        current = '';
      }
      current += piece;
    });
    lines.push(current);
  }
  return lines;
}

function encodeBody(leaf: Leaf): string[] {
  if (leaf.encoding === 'base64') return wrap(base64OfBytes(utf8.encode(leaf.text)), 76);
  if (leaf.encoding === 'quoted-printable') return quotedPrintable(leaf.text);
  return leaf.text.split('\n');
}

/** Serialises a node: its own headers, a blank line, its body. Boundaries come from `boundaryOf`. */
export function serialiseNode(
  node: MimeNode,
  boundaryOf: (depth: number, index: number) => string,
  depth = 0,
  index = 0,
): string[] {
  if (node.kind === 'leaf') {
    const name = node.fileName ? `; name="${node.fileName}"` : '';
    const charset = node.contentType.startsWith('text/') ? '; charset=UTF-8' : '';
    return [
      `Content-Type: ${node.contentType}${charset}${name}`,
      `Content-Transfer-Encoding: ${node.encoding}`,
      ...(node.fileName ? [`Content-Disposition: attachment; filename="${node.fileName}"`] : []),
      '',
      ...encodeBody(node),
    ];
  }
  const boundary = boundaryOf(depth, index);
  const lines = [
    `Content-Type: multipart/${node.subtype};`,
    ` boundary="${boundary}"`,
    '',
    'This is a multi-part message.',
  ];
  node.parts.forEach((part, i) => {
    lines.push(`--${boundary}`, ...serialiseNode(part, boundaryOf, depth + 1, index * 10 + i));
  });
  lines.push(`--${boundary}--`, '');
  return lines;
}

export const defaultBoundary = (depth: number, index: number): string => `=_part_${depth}_${index}_ses`;

const asciiWords = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ,.'),
  minLength: 1,
  maxLength: 60,
});
const unicodeWords = fc.constantFrom(
  'Grüße aus Köln',
  'Привет, мир',
  'こんにちは',
  'مرحبا بالعالم',
  'नमस्ते 🎉',
);

const textLeaf: fc.Arbitrary<Leaf> = fc.oneof(
  { withCrossShrink: true },
  fc
    .tuple(fc.constantFrom('text/plain', 'text/html'), asciiWords, fc.boolean())
    // The 998-octet boundary of C-MIME3, reached in a 7bit body.
    .map(([contentType, text, longest]) => ({
      kind: 'leaf' as const,
      contentType,
      encoding: '7bit' as const,
      text: longest ? 'x'.repeat(998) : text,
    })),
  fc
    .tuple(
      fc.constantFrom('text/plain', 'text/html'),
      fc.oneof({ withCrossShrink: true }, asciiWords, unicodeWords),
      fc.constantFrom('quoted-printable' as const, 'base64' as const),
    )
    .map(([contentType, text, encoding]) => ({ kind: 'leaf' as const, contentType, encoding, text })),
);

const attachmentLeaf: fc.Arbitrary<Leaf> = fc
  .tuple(
    fc.constantFrom(...ALLOWED_EXTENSIONS),
    fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 1, maxLength: 8 }),
  )
  .map(([[extension, type], stem]) => ({
    kind: 'leaf' as const,
    contentType: type,
    encoding: 'base64' as const,
    text: `contents of ${stem}`,
    fileName: `${stem}.${extension}`,
  }));

export const mimeTree: fc.Arbitrary<MimeNode> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: textLeaf, weight: 3 },
  {
    arbitrary: fc
      .tuple(textLeaf, textLeaf)
      .map(([a, b]) => ({ kind: 'multipart' as const, subtype: 'alternative' as const, parts: [a, b] })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(
        fc.oneof(
          { withCrossShrink: true },
          textLeaf,
          fc
            .tuple(textLeaf, textLeaf)
            .map(([a, b]): MimeNode => ({ kind: 'multipart', subtype: 'alternative', parts: [a, b] })),
        ),
        fc.array(attachmentLeaf, { minLength: 1, maxLength: 2 }),
      )
      .map(([body, attachments]) => ({
        kind: 'multipart' as const,
        subtype: 'mixed' as const,
        parts: [body, ...attachments],
      })),
    weight: 2,
  },
);
