/**
 * The raw MIME rules (RULES.md section 5) over `Content.Raw.Data`. Order matters only at the start:
 * the size is checked on the text alone (an oversized message is never decoded), then the base64;
 * either failure stops the check, since nothing after it could be read. The remaining rules each look
 * at one kind of defect, so a defect yields one rule id.
 *
 * Structure comes from this project's own one-pass parser rather than postal-mime: the checks must be
 * synchronous (the engine is), must see what postal-mime forgives (missing separators and closing
 * delimiters, reused boundaries, long lines), and must not decode attachment bodies they only need to
 * scan. postal-mime supplies RFC 2047 decoding of file names and the full parse for the mock's inbox.
 */
import { decodeBase64 } from '../base64.ts';
import { checkRawDataBase64 } from '../rules/mime1-strict-base64.ts';
import { checkHeaderSections } from '../rules/mime2-header-section.ts';
import { checkLineLength } from '../rules/mime3-line-length.ts';
import { checkFromHeader } from '../rules/mime4-single-from.ts';
import { checkSingleInstanceHeaders } from '../rules/mime5-single-instance-headers.ts';
import { checkAddressHeaders } from '../rules/mime6-address-headers.ts';
import { checkMultipartStructure } from '../rules/mime7-multipart-structure.ts';
import { checkAttachmentExtensions } from '../rules/mime8-blocked-attachment.ts';
import { checkRawDataSize } from '../rules/mime9-data-size.ts';
import { checkTransferHygiene } from '../rules/mime10-transfer-hygiene.ts';
import { checkContentTypeSyntax } from '../rules/mime11-content-type-syntax.ts';
import type { Violation } from '../violation.ts';
import { addressesOf, recipientsOf } from './address-headers.ts';
import type { RawMessage } from './mime-entity.ts';
import { parseMimeStructure } from './parse-mime-structure.ts';

export type RawMessageReport = {
  violations: Violation[];
  /**
   * Every address in the message's To, Cc and Bcc headers, as written, for the recipient-count rules
   * (C-DEST1/2) when the request has no `Destination`. Undefined when `Data` could not be decoded.
   */
  recipients?: string[];
  /** How many of `recipients` each kind of header holds (repeated headers added up), for messages. */
  recipientHeaders?: RecipientHeaderCounts;
};

export type RecipientHeaderCounts = { To: number; Cc: number; Bcc: number };

const RECIPIENT_HEADER_NAMES = { to: 'To', cc: 'Cc', bcc: 'Bcc' } as const;

const MESSAGE_RULES: ReadonlyArray<(message: RawMessage) => Violation[]> = [
  checkHeaderSections,
  checkLineLength,
  checkFromHeader,
  checkSingleInstanceHeaders,
  checkAddressHeaders,
  checkMultipartStructure,
  checkAttachmentExtensions,
  checkTransferHygiene,
  checkContentTypeSyntax,
];

/** Checks `data`, the base64 text of `Content.Raw.Data`, found at JSON pointer `path`. */
export function checkRawMessage(data: string, path: string): RawMessageReport {
  const unreadable = [...checkRawDataSize(data, path)];
  if (unreadable.length === 0) unreadable.push(...checkRawDataBase64(data, path));
  if (unreadable.length > 0) return { violations: unreadable };
  const bytes = decodeBase64(data);
  const message: RawMessage = { bytes, root: parseMimeStructure(bytes), path };
  return {
    violations: MESSAGE_RULES.flatMap((rule) => rule(message)),
    recipients: recipientsOf(message.root),
    recipientHeaders: recipientHeaderCounts(message.root),
  };
}

function recipientHeaderCounts(root: RawMessage['root']): RecipientHeaderCounts {
  const counts: RecipientHeaderCounts = { To: 0, Cc: 0, Bcc: 0 };
  for (const header of root.headers) {
    if (!Object.hasOwn(RECIPIENT_HEADER_NAMES, header.key)) continue;
    const name = RECIPIENT_HEADER_NAMES[header.key as keyof typeof RECIPIENT_HEADER_NAMES];
    counts[name] += addressesOf(header).filter((address) => address !== '').length;
  }
  return counts;
}
