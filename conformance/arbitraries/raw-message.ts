/**
 * Whole raw messages (section 5): top-level headers (From, To, Cc, Subject as plain, folded or
 * encoded-word text, IDN address headers) over a MIME tree, serialised with CRLF and base64-encoded
 * as `Content.Raw.Data`. The invalid variants each break one C-MIME rule and are made by mapping a
 * valid message, so shrinking keeps the defect.
 */
import fc from 'fast-check';
import { validAddress } from './address.ts';
import { BLOCKED_EXTENSIONS } from './attachments.ts';
import { encodedWord } from './display-name.ts';
import { unicodeDomain } from './domain.ts';
import { eightBitLocalPart } from './local-part.ts';
import {
  base64OfBytes,
  defaultBoundary,
  type Leaf,
  type MimeNode,
  mimeTree,
  serialiseNode,
} from './mime-tree.ts';

export type RawMessageSpec = {
  headers: Array<[string, string]>;
  tree: MimeNode;
  /** Boundary per multipart; the default gives every multipart its own. */
  boundaryOf?: (depth: number, index: number) => string;
};

const utf8 = new TextEncoder();

export function serialiseMessage(spec: RawMessageSpec): string {
  const headerLines = spec.headers.map(([name, value]) => `${name}: ${value}`);
  const lines = [...headerLines, ...serialiseNode(spec.tree, spec.boundaryOf ?? defaultBoundary)];
  const text = lines.join('\r\n');
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** `Content.Raw.Data`: base64 of the message's UTF-8 bytes (ASCII unless a variant put raw bytes in). */
export function rawData(message: string): string {
  return base64OfBytes(utf8.encode(message));
}

const subject = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: fc.constantFrom('Hello', 'Your order has shipped', 'Re: meeting notes'), weight: 3 },
  {
    arbitrary: fc.constantFrom('Grüße', 'Привет', '会議のお知らせ').map((s) => encodedWord(s, 'B')),
    weight: 1,
  },
  // A folded header: the continuation line starts with a space.
  {
    arbitrary: fc.constant('A subject long enough that the sender chose to fold it\r\n across two lines'),
    weight: 1,
  },
);

const headerRecipients = fc.uniqueArray(validAddress, {
  minLength: 1,
  maxLength: 3,
  selector: (a) => a.toLowerCase(),
});

export function validRawMessage(from: string): fc.Arbitrary<RawMessageSpec> {
  return fc
    .tuple(headerRecipients, fc.option(headerRecipients, { nil: undefined }), subject, mimeTree)
    .map(([to, cc, subj, tree]) => {
      const headers: Array<[string, string]> = [
        ['From', from],
        ['To', to.join(', ')],
        ...(cc ? ([['Cc', cc.join(', ')]] as Array<[string, string]>) : []),
        ['Subject', subj],
        ['Date', 'Thu, 1 Jan 2026 00:00:00 +0000'],
        ['MIME-Version', '1.0'],
      ];
      return { headers, tree };
    });
}

/** The header names whose second copy C-MIME5 forbids, sampled from reference R17. */
const ONCE_ONLY = ['Subject', 'Date', 'MIME-Version', 'Reply-To', 'Message-ID'] as const;
const ONCE_ONLY_VALUES: Record<(typeof ONCE_ONLY)[number], string> = {
  Subject: 'Hello',
  Date: 'Thu, 1 Jan 2026 00:00:00 +0000',
  'MIME-Version': '1.0',
  'Reply-To': 'reply@example.com',
  'Message-ID': '<one@example.com>',
};

const sevenBitLeaf = (text: string): Leaf => ({
  kind: 'leaf',
  contentType: 'text/plain',
  encoding: '7bit',
  text,
});

function withPart(tree: MimeNode, part: MimeNode): MimeNode {
  return { kind: 'multipart', subtype: 'mixed', parts: [tree, part] };
}

/** A raw-MIME rule and a generator of raw messages (as text) that break exactly it. */
export type InvalidRawMessage = fc.Arbitrary<string>;

export function invalidRawMessages(
  from: string,
): Record<
  'C-MIME2' | 'C-MIME3' | 'C-MIME4' | 'C-MIME5' | 'C-MIME6' | 'C-MIME7' | 'C-MIME8',
  InvalidRawMessage
> {
  const valid = validRawMessage(from);
  return {
    // A single part, so the message holds no other empty line that could end the header section.
    'C-MIME2': valid.map((spec) => {
      const lines = serialiseMessage({ ...spec, tree: sevenBitLeaf('Hello') }).split('\r\n');
      const blank = lines.indexOf('');
      lines.splice(blank, 1, 'This body follows the headers without a blank line.');
      return lines.join('\r\n');
    }),
    'C-MIME3': fc
      .tuple(valid, fc.integer({ min: 999, max: 1100 }))
      .map(([spec, length]) =>
        serialiseMessage({ ...spec, tree: withPart(spec.tree, sevenBitLeaf('y'.repeat(length))) }),
      ),
    // A second From is also a repeat of an R17 header, which the engine reports as C-MIME5;
    // only the missing From is C-MIME4's alone.
    'C-MIME4': valid.map((spec) =>
      serialiseMessage({ ...spec, headers: spec.headers.filter(([name]) => name !== 'From') }),
    ),
    'C-MIME5': fc.tuple(valid, fc.constantFrom(...ONCE_ONLY)).map(([spec, name]) => {
      const value = ONCE_ONLY_VALUES[name];
      const headers = spec.headers.filter(([n]) => n !== name);
      return serialiseMessage({ ...spec, headers: [...headers, [name, value], [name, value]] });
    }),
    'C-MIME6': fc
      .tuple(
        valid,
        fc.oneof(
          { withCrossShrink: true },
          unicodeDomain.map((d) => `to@${d}`),
          eightBitLocalPart.map((l) => `${l}@example.com`),
        ),
        fc.constantFrom('To', 'Cc', 'Reply-To'),
      )
      .map(([spec, bad, name]) => {
        const headers = spec.headers.filter(([n]) => n !== name);
        return serialiseMessage({ ...spec, headers: [...headers, [name, bad]] });
      }),
    'C-MIME7': fc
      .tuple(valid, fc.constantFrom('no-closing', 'reused', 'no-boundary'))
      .map(([spec, defect]) => {
        const tree: MimeNode = withPart(
          { kind: 'multipart', subtype: 'alternative', parts: [sevenBitLeaf('plain'), spec.tree] },
          sevenBitLeaf('tail'),
        );
        if (defect === 'reused')
          return serialiseMessage({ ...spec, tree, boundaryOf: () => 'reused_boundary' });
        const lines = serialiseMessage({ ...spec, tree }).split('\r\n');
        const outer = defaultBoundary(0, 0);
        const drop = defect === 'no-closing' ? `--${outer}--` : ` boundary="${outer}"`;
        const at = lines.indexOf(drop);
        if (defect === 'no-boundary') lines[at - 1] = 'Content-Type: multipart/mixed';
        lines.splice(at, 1);
        return lines.join('\r\n');
      }),
    'C-MIME8': fc
      .tuple(valid, fc.constantFrom(...BLOCKED_EXTENSIONS), fc.constantFrom('invoice', 'setup', 'a'))
      .map(([spec, extension, stem]) =>
        serialiseMessage({
          ...spec,
          tree: withPart(spec.tree, {
            kind: 'leaf',
            contentType: 'application/octet-stream',
            encoding: 'base64',
            text: 'MZ',
            fileName: `${stem}.${extension}`,
          }),
        }),
      ),
  };
}
