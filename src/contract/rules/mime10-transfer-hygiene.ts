import { ADDRESS_HEADER_KEYS, hasEightBitOctets } from '../mime/address-headers.ts';
import { base64BodyProblem } from '../mime/base64-body.ts';
import {
  entitiesOf,
  entityPointer,
  findHeader,
  headerPointer,
  type MimeEntity,
  type RawMessage,
} from '../mime/mime-entity.ts';
import { quotedPrintableProblem } from '../mime/quoted-printable-body.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-MIME10 SHOULD. Lines end in CRLF (bare LF or bare CR is non-conformant); header values outside
 * address headers are 7-bit ASCII; a `base64` part holds valid base64; `quoted-printable` parts are
 * valid QP.
 *
 * The last line may lack an ending (RFC 5322 allows a body without a final CRLF). Line endings are
 * reported once per message; 8-bit header values once per header; bodies once per part. Address
 * headers are the message's own From/Sender/Reply-To/To/Cc/Bcc: their octets are C-MIME6's.
 */
export function checkTransferHygiene(message: RawMessage): Violation[] {
  const out: Violation[] = [];
  const endings = lineEndingProblem(message.bytes);
  if (endings) out.push(violation('C-MIME10', message.path, endings));
  for (const entity of entitiesOf(message.root)) {
    for (const header of entity.headers) {
      if (entity === message.root && ADDRESS_HEADER_KEYS.has(header.key)) continue;
      if (!hasEightBitOctets(header.value)) continue;
      out.push(
        violation(
          'C-MIME10',
          headerPointer(message, entity, header.name),
          `the ${header.name} header holds octets above 0x7F; use RFC 2047 encoded-words`,
        ),
      );
    }
    const problem = bodyEncodingProblem(message.bytes, entity);
    if (problem) out.push(violation('C-MIME10', entityPointer(message, entity), problem));
  }
  return out;
}

function lineEndingProblem(bytes: Uint8Array): string | undefined {
  let bareLf = 0;
  let firstLf = -1;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) {
    if (at > 0 && bytes[at - 1] === 0x0d) continue;
    if (bareLf === 0) firstLf = at;
    bareLf++;
  }
  let bareCr = 0;
  for (let at = bytes.indexOf(0x0d); at !== -1; at = bytes.indexOf(0x0d, at + 1)) {
    if (bytes[at + 1] !== 0x0a) bareCr++;
  }
  if (bareLf === 0 && bareCr === 0) return undefined;
  const parts: string[] = [];
  if (bareLf > 0)
    parts.push(`${bareLf} bare LF line ending${bareLf > 1 ? 's' : ''} (first at octet ${firstLf})`);
  if (bareCr > 0) parts.push(`${bareCr} bare CR${bareCr > 1 ? 's' : ''}`);
  return `lines should end in CRLF; found ${parts.join(' and ')}`;
}

function bodyEncodingProblem(bytes: Uint8Array, entity: MimeEntity): string | undefined {
  if (entity.multipart || !entity.hasBodySeparator) return undefined;
  const encoding = findHeader(entity, 'content-transfer-encoding')?.value.trim().toLowerCase();
  if (encoding !== 'base64' && encoding !== 'quoted-printable') return undefined;
  // A view, not a copy: attachments can be tens of megabytes.
  const body = bytes.subarray(entity.bodyStart, Math.max(entity.bodyStart, entity.end));
  const problem = encoding === 'base64' ? base64BodyProblem(body) : quotedPrintableProblem(body);
  return problem ? `the ${encoding} body is not valid: ${problem}` : undefined;
}
