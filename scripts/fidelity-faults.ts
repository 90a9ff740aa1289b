/**
 * Who is at fault for each failure in the fidelity table, as checked by hand against
 * spec/RULES.md, the SES reference (shared/reference/sesv2-send-contract.md, ids R1…R29) and the
 * emulator's source (node_modules/aws-ses-v2-local/dist). A failure no entry here explains is
 * printed as "not checked by hand yet" rather than blamed on anyone.
 */
import type { PropertyResult } from '../conformance/runner/run-conformance.ts';

export type Fault = 'implementation' | 'suite' | 'unchecked';
export type FailureFault = { fault: Fault; why: string };

/** What SES requires, per rule, with the reference's source ids. */
const SES_REQUIRES: Readonly<Record<string, string>> = {
  'C-ADDR1': 'an address is an addr-spec or a name-addr, with no CR, LF or NUL (R6)',
  'C-ADDR2': 'the local part is 7-bit ASCII, a dot-atom or a quoted-string (R7: no SMTPUTF8)',
  'C-ADDR3': 'a local part is at most 64 octets and an address at most 254 (RFC 5321)',
  'C-ADDR4': 'a non-ASCII domain must be sent as Punycode (R8)',
  'C-ADDR5': 'a domain is two or more LDH labels of 1-63 octets (R6)',
  'C-ADDR6': 'an xn-- label must be valid Punycode (R8, RFC 3492)',
  'C-ADDR8': 'a non-ASCII display name must be RFC 2047 encoded-words (R9)',
  'C-DEST1': 'at most 50 recipients per message, To+Cc+Bcc together (R5)',
  'C-DEST2': 'at least one recipient per message (R5)',
  'C-DEST3': 'one malformed recipient makes the whole message invalid (R6)',
  'C-CONT1': 'Content holds exactly one of Simple, Raw, Template (R1)',
  'C-CONT2': 'Simple content needs Subject and a Text or Html body (model: required members)',
  'C-CONT3': 'the subject is one header line: no CR or LF (R10)',
  'C-CONT4': 'custom headers: at most 15, name and value lengths and patterns of MessageHeader (R19)',
  'C-CONT5': 'attachments: a file name with an extension that is not blocked, base64 content (R21, R22)',
  'C-CONT6': 'a template names TemplateName, TemplateArn or TemplateContent (R3)',
  'C-CONT7': 'TemplateData is a string holding a JSON object (R4)',
  'C-CONT8': 'tag names and values are [A-Za-z0-9_-], at most 256 characters (R23)',
  'C-CONT9': 'identity ARNs have the form arn:aws:ses:<region>:<12-digit account>:identity/… (R24)',
  'C-CONT10': 'ConfigurationSetName and TenantName are 1-64 letters, digits, - and _ (R26, R27)',
  'C-CONT11': 'ListManagementOptions.ContactListName is required (model)',
  'C-MIME1': 'Raw.Data is standard base64 (R14)',
  'C-MIME2': 'a raw message is a header section, a blank line and a body (R11)',
  'C-MIME3': 'no raw line longer than 998 characters (R12)',
  'C-MIME4': 'a raw message has exactly one From header with a valid address (R6-R9, R11)',
  'C-MIME5': 'the headers listed in R17 appear at most once (R17)',
  'C-MIME6': 'raw address headers follow the address rules (R7-R9)',
  'C-MIME7': 'multipart parts have a boundary, delimiters and a closing delimiter (R11)',
  'C-MIME8': 'no attachment with a blocked extension, raw MIME included (R22)',
  'C-MIME9': 'a raw message is at most 40 MB of base64 (R15)',
  'C-BULK1': 'bulk content is DefaultContent.Template (R2)',
  'C-BULK2':
    'a bulk call has 1-50 entries (RULES.md C-BULK2; the reference calls the v2 cap unconfirmed, R5)',
  'C-REQ1': 'the body is a JSON object',
  'C-REQ2': 'members have the model types, required members are present',
};

/** How aws-ses-v2-local's handlers treat what a rule is about (read from dist/v2/*.js). */
function emulatorAccepts(result: PropertyResult, rule: string): string {
  if (result.operation === 'send-email') {
    if (rule.startsWith('C-MIME'))
      return rule === 'C-MIME1'
        ? 'decodes Raw.Data with Buffer.from(…, "base64"), which skips characters outside the alphabet, and sends what mailparser makes of it'
        : 'only hands Raw.Data to mailparser and requires that it finds a From text';
    return 'its SendEmail checks JSON types only (zod schema in dist/v2/sendEmail.js), then stores the message';
  }
  if (rule === 'C-CONT5')
    return 'its bulk Template schema has no Attachments member, and zod drops unknown members silently';
  if (rule === 'C-BULK2') return 'it sets no limit on the number of entries';
  return 'its SendBulkEmail checks JSON types and, per entry, recipients (WHATWG form regex) only: From, Reply-To, tags, headers, ARNs and names are never looked at';
}

/** The regex of isEmailValid.js (the HTML form `type=email` rule), which SES does not use. */
const WHATWG_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export function whatwgRejects(address: string): boolean {
  return !WHATWG_EMAIL.test(address);
}

type Entry = { Destination?: Record<string, unknown> };

/** Recipients of one entry of the request that failed (multi-request properties included). */
function entryAddresses(result: PropertyResult, index: number): string[] {
  let body: { BulkEmailEntries?: Entry[] } | undefined;
  try {
    body = JSON.parse(result.failure?.exchange.request.body ?? '');
  } catch {
    return [];
  }
  const destination = body?.BulkEmailEntries?.[index]?.Destination ?? {};
  return Object.values(destination).flatMap((list) =>
    Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [],
  );
}

/** The entry a "valid entry was not SUCCESS" message is about. */
function failedValidEntry(message: string): number | undefined {
  const match =
    /entry (\d+) is valid but its result/.exec(message) ??
    /yet entry (\d+) has Status/.exec(message) ??
    /result (\d+) has Status FAILED/.exec(message);
  return match ? Number(match[1]) : undefined;
}

function awsSesV2LocalFault(result: PropertyResult): FailureFault {
  const failure = result.failure;
  if (!failure) return { fault: 'unchecked', why: 'no failure' };
  const { problem, exchange } = failure;
  const body = exchange.response?.body ?? '';
  const entry = failedValidEntry(problem.message);
  if (entry !== undefined && body.includes('Invalid recipient email address(es)')) {
    const rejected = entryAddresses(result, entry).filter(whatwgRejects);
    if (rejected.length > 0)
      return {
        fault: 'implementation',
        why: `a valid entry got Status FAILED because its isEmailValid is the WHATWG form regex, which rejects ${rejected.map((a) => JSON.stringify(a)).join(', ')}; C-ADDR1/C-ADDR2 allow display names and quoted local parts, as SES does (R6, V1)`,
      };
  }
  if (problem.message.includes('error type (none')) {
    return {
      fault: 'implementation',
      why: 'the 400 carries no x-amzn-ErrorType header and no __type or code member (SendEmail sends none; SendBulkEmail a `type` member, which restJson1 clients do not read), so an SDK cannot tell BadRequestException from anything else (C-A3, reference section 4)',
    };
  }
  if (problem.rule === 'C-A3' && /<!DOCTYPE html>/i.test(body)) {
    return {
      fault: 'implementation',
      why: `express's default error handler answers the body parser's failure (${exchange.response?.status === 413 ? 'body over its 25 MB limit' : 'malformed JSON'}) with an HTML page and a stack trace; SES answers JSON {"message"} with an error type (C-A3)`,
    };
  }
  if (/breaks C-BULK[34] but its result is SUCCESS/.test(problem.message)) {
    return {
      fault: 'implementation',
      why: 'the entry got SUCCESS: its SendBulkEmail types ReplacementHeaders and ReplacementTags only as strings (dist/validation.js messageHeadersSchema) and fails an entry for its recipients or unparsable data alone, so a header name with a colon or a bad tag passes; SES requires C-CONT4/C-CONT8 of every entry (R19, R23) and reports the entry as failed or rejects the call (C-A5)',
    };
  }
  if (/was accepted/.test(problem.message) && SES_REQUIRES[problem.rule]) {
    return {
      fault: 'implementation',
      why: `accepted: ${emulatorAccepts(result, problem.rule)}; SES requires ${SES_REQUIRES[problem.rule]}`,
    };
  }
  return { fault: 'unchecked', why: 'not checked by hand yet' };
}

export function faultOf(implementation: string, result: PropertyResult): FailureFault {
  if (implementation === 'aws-ses-v2-local') return awsSesV2LocalFault(result);
  return { fault: 'unchecked', why: 'not checked by hand yet' };
}
