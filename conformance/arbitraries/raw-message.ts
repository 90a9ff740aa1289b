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

/** The recipient headers of a raw message, counted together for C-DEST1 and C-DEST2. */
export const RAW_RECIPIENT_HEADERS = ['To', 'Cc', 'Bcc'] as const;
export type RawRecipientHeader = (typeof RAW_RECIPIENT_HEADERS)[number];
const recipientHeader = fc.constantFrom<RawRecipientHeader>(...RAW_RECIPIENT_HEADERS);

/** The addr-spec of an address, lower-cased: recipients are kept distinct (duplicates are C-DEST4, OPEN). */
function mailboxKey(address: string): string {
  return (/<([^>]*)>\s*$/.exec(address)?.[1] ?? address).toLowerCase();
}

type Assigned = ReadonlyArray<readonly [RawRecipientHeader, string]>;

/** The To/Cc/Bcc header lines for recipients assigned to headers, in that order. */
export function recipientHeaders(assigned: Assigned): Array<[string, string]> {
  return RAW_RECIPIENT_HEADERS.flatMap((name): Array<[string, string]> => {
    const addresses = assigned.filter(([h]) => h === name).map(([, a]) => a);
    return addresses.length > 0 ? [[name, addresses.join(', ')]] : [];
  });
}

/** `count` numbered recipients spread over To, Cc and Bcc (no one header need hold them all). */
export const numberedHeaderRecipients = (min: number, max: number): fc.Arbitrary<Assigned> =>
  fc
    .array(recipientHeader, { minLength: min, maxLength: max })
    .map((headers) => headers.map((h, i) => [h, `r${i + 1}@example.com`] as const));

/** 1–4 distinct generated recipients in To/Cc/Bcc, or exactly 50 numbered ones (the C-DEST1 boundary). */
const headerRecipients: fc.Arbitrary<Assigned> = fc.oneof(
  { withCrossShrink: true },
  {
    arbitrary: fc.uniqueArray(fc.tuple(recipientHeader, validAddress), {
      minLength: 1,
      maxLength: 4,
      selector: ([, a]) => mailboxKey(a),
    }),
    weight: 9,
  },
  { arbitrary: numberedHeaderRecipients(50, 50), weight: 1 },
);

/**
 * A valid raw message from `from`: recipients in To/Cc/Bcc, sometimes a Sender (the sender itself)
 * and a Reply-To, so every address header of C-MIME6 appears in valid cases too.
 */
export function validRawMessage(from: string): fc.Arbitrary<RawMessageSpec> {
  return fc
    .tuple(
      headerRecipients,
      fc.option(validAddress, { nil: undefined, freq: 4 }),
      fc.boolean(),
      subject,
      mimeTree,
    )
    .map(([recipients, replyTo, withSender, subj, tree]) => {
      const headers: Array<[string, string]> = [
        ['From', from],
        ...(withSender ? ([['Sender', from]] as Array<[string, string]>) : []),
        ...recipientHeaders(recipients),
        ...(replyTo ? ([['Reply-To', replyTo]] as Array<[string, string]>) : []),
        ['Subject', subj],
        ['Date', 'Thu, 1 Jan 2026 00:00:00 +0000'],
        ['MIME-Version', '1.0'],
      ];
      return { headers, tree };
    });
}

/** The same message with `count` recipients in its To/Cc/Bcc headers instead (0 = no such header). */
export function withHeaderRecipients(spec: RawMessageSpec, recipients: Assigned): RawMessageSpec {
  const rest = spec.headers.filter(([n]) => !(RAW_RECIPIENT_HEADERS as readonly string[]).includes(n));
  const [first, ...others] = rest;
  return { ...spec, headers: [...(first ? [first] : []), ...recipientHeaders(recipients), ...others] };
}

/** The header names whose second copy C-MIME5 forbids, sampled from reference R17. */
const ONCE_ONLY = [
  'Subject',
  'Date',
  'MIME-Version',
  'Reply-To',
  'Message-ID',
  'List-Unsubscribe-Post',
] as const;
const ONCE_ONLY_VALUES: Record<(typeof ONCE_ONLY)[number], string> = {
  Subject: 'Hello',
  Date: 'Thu, 1 Jan 2026 00:00:00 +0000',
  'MIME-Version': '1.0',
  'Reply-To': 'reply@example.com',
  'Message-ID': '<one@example.com>',
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
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

/** A raw-MIME rule (or clause) and a generator of raw messages (as text) that break exactly it. */
export type InvalidRawMessage = fc.Arbitrary<string>;

/** A single 7bit text part, so the header section is the only place a test line can land. */
function plain(spec: RawMessageSpec): string[] {
  return serialiseMessage({ ...spec, tree: sevenBitLeaf('Hello') }).split('\r\n');
}

/**
 * C-MIME11 (SHOULD): a Content-Type without `/`, or a parameter without `=` or with an unclosed
 * quote, in a Content-Type or Content-Disposition header.
 */
const MALFORMED_TYPE_LINES = [
  'Content-Type: text; charset=UTF-8',
  'Content-Type: text/plain; charset',
  'Content-Type: text/plain; charset="UTF-8',
  'Content-Disposition: inline; filename',
  'Content-Disposition: inline; filename="note.txt',
] as const;

export function malformedContentTypeMessages(from: string): InvalidRawMessage {
  return fc.tuple(validRawMessage(from), fc.constantFrom(...MALFORMED_TYPE_LINES)).map(([spec, bad]) => {
    const lines = plain(spec);
    const at = lines.findIndex((line) => line.startsWith('Content-Type: text/plain'));
    if (bad.startsWith('Content-Type')) lines.splice(at, 1, bad);
    else lines.splice(at + 1, 0, bad);
    return lines.join('\r\n');
  });
}

export function invalidRawMessages(
  from: string,
): Record<
  'C-MIME2' | 'C-MIME4.present' | 'C-MIME4.sender' | 'C-MIME5' | 'C-MIME7' | 'C-MIME8',
  InvalidRawMessage
> {
  const valid = validRawMessage(from);
  return {
    // A single part, so the message holds no other empty line that could end the header section.
    'C-MIME2': fc
      .tuple(valid, fc.constantFrom('no-blank-line', 'no-colon', 'space-in-name'))
      .map(([spec, defect]) => {
        const lines = plain(spec);
        if (defect === 'no-blank-line') {
          lines.splice(lines.indexOf(''), 1, 'This body follows the headers without a blank line.');
        } else {
          lines.splice(1, 0, defect === 'no-colon' ? 'X-Broken header line' : 'X Broken: value');
        }
        return lines.join('\r\n');
      }),
    // A second From is also a repeat of an R17 header, which the engine reports as C-MIME5;
    // only the missing From is C-MIME4's alone.
    'C-MIME4.present': valid.map((spec) =>
      serialiseMessage({ ...spec, headers: spec.headers.filter(([name]) => name !== 'From') }),
    ),
    // Two From mailboxes need a Sender to say which one sent it (RFC 5322 3.6.2).
    'C-MIME4.sender': fc
      .tuple(valid, fc.constantFrom('other@example.com', 'Ann <ann@example.org>'))
      .map(([spec, other]) =>
        serialiseMessage({
          ...spec,
          headers: spec.headers
            .filter(([name]) => name !== 'Sender')
            .map(([n, v]): [string, string] => [n, n === 'From' ? `${v}, ${other}` : v]),
        }),
      ),
    'C-MIME5': fc.tuple(valid, fc.constantFrom(...ONCE_ONLY)).map(([spec, name]) => {
      const value = ONCE_ONLY_VALUES[name];
      const headers = spec.headers.filter(([n]) => n !== name);
      return serialiseMessage({ ...spec, headers: [...headers, [name, value], [name, value]] });
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
