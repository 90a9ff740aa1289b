/**
 * What the mock keeps of an accepted request, for `/_mock/messages` and the inbox: the request as
 * sent, a summary a person can read (sender, recipients, subject, text and HTML body), and for raw
 * messages the MIME parsed by postal-mime.
 *
 * Why postal-mime: the same code runs in Node and in the browser (MSW handlers store messages too),
 * it has no Node-only dependencies, and it decodes what a hand-written reader would get wrong:
 * RFC 2047 encoded words, charsets, quoted-printable and base64 parts, nested multiparts.
 */
import PostalMime, { type Address, type Attachment } from 'postal-mime';
import { decodeBase64 } from '../contract/base64.ts';
import { isJsonObject, type JsonObject, objectAt, stringAt, stringsAt } from '../contract/json-reading.ts';
import type { RuleId } from '../contract/rule-catalog.ts';
import type { Violation } from '../contract/violation.ts';

export type MockOperation = 'SendEmail' | 'SendBulkEmail';

export type ParsedRawMessage = {
  from?: string;
  to: string[];
  cc: string[];
  subject?: string;
  text?: string;
  html?: string;
  headers: Array<{ name: string; value: string }>;
  attachments: Array<{ filename: string | null; mimeType: string; size: number }>;
};

export type StoredBulkEntry = {
  index: number;
  to: string[];
  status: string;
  messageId?: string;
  error?: string;
};

/**
 * An ADVISE finding on an accepted request (RULES.md, levels): SES accepts such a request, but the
 * result is not what the sender meant (C-ADDR8: the display name arrives mangled).
 */
export type StoredAdvice = { rule: RuleId; clause: string; path: string; message: string; cause?: RuleId };

export function storedAdvice(v: Violation): StoredAdvice {
  return v.cause === undefined
    ? { rule: v.rule, clause: v.clause, path: v.path, message: v.message }
    : { rule: v.rule, clause: v.clause, path: v.path, message: v.message, cause: v.cause };
}

export type StoredMessage = {
  /** The id the caller got back: `data.id` (documented) or `MessageId` (aws; for bulk, the request id). */
  id: string;
  operation: MockOperation;
  profile: 'documented' | 'aws';
  createdAt: string;
  from?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject?: string;
  text?: string;
  html?: string;
  /** Set for Template content: the template is shown unrendered, with its data. */
  template?: { name?: string; subject?: string; templateData?: string };
  raw?: ParsedRawMessage;
  entries?: StoredBulkEntry[];
  /** What SES would accept but the sender did not mean; absent when there is none. */
  advice?: StoredAdvice[];
  /** The request body exactly as parsed. */
  request: unknown;
};

function mailboxes(addresses: Address[] | undefined): string[] {
  return (addresses ?? []).flatMap((a) => (a.group ? a.group.map((m) => m.address) : [a.address]));
}

function contentSize(content: Attachment['content']): number {
  return typeof content === 'string' ? content.length : content.byteLength;
}

/** Raw MIME read for display; the rules engine has already accepted it, so a parse failure is unexpected. */
export async function parseRawMessage(base64Data: string): Promise<ParsedRawMessage | undefined> {
  try {
    const email = await PostalMime.parse(decodeBase64(base64Data), { attachmentEncoding: 'arraybuffer' });
    const from = email.from ? mailboxes([email.from])[0] : undefined;
    return {
      ...(from !== undefined && { from }),
      to: mailboxes(email.to),
      cc: mailboxes(email.cc),
      ...(email.subject !== undefined && { subject: email.subject }),
      ...(email.text !== undefined && { text: email.text }),
      ...(email.html !== undefined && { html: email.html }),
      headers: email.headers.map((h) => ({ name: h.originalKey, value: h.value })),
      attachments: email.attachments.map((a) => ({
        filename: a.filename,
        mimeType: a.mimeType,
        size: contentSize(a.content),
      })),
    };
  } catch {
    return undefined;
  }
}

function templateSummary(template: JsonObject | undefined): StoredMessage['template'] {
  if (!template) return undefined;
  const content = objectAt(template, 'TemplateContent');
  const name = stringAt(template, 'TemplateName') ?? stringAt(template, 'TemplateArn');
  const subject = stringAt(content, 'Subject');
  const templateData = stringAt(template, 'TemplateData');
  return {
    ...(name !== undefined && { name }),
    ...(subject !== undefined && { subject }),
    ...(templateData !== undefined && { templateData }),
  };
}

export type RequestSummary = Pick<
  StoredMessage,
  'from' | 'to' | 'cc' | 'bcc' | 'subject' | 'text' | 'html' | 'template' | 'raw'
>;

async function summarizeRaw(base: RequestSummary, rawData: string): Promise<RequestSummary> {
  const raw = await parseRawMessage(rawData);
  if (!raw) return base;
  const from = base.from ?? raw.from;
  return {
    ...base,
    ...(from !== undefined && { from }),
    // Without Destination the MIME headers name the recipients (C-DEST2).
    ...(base.to.length + base.cc.length + base.bcc.length === 0 && { to: raw.to, cc: raw.cc }),
    ...(raw.subject !== undefined && { subject: raw.subject }),
    ...(raw.text !== undefined && { text: raw.text }),
    ...(raw.html !== undefined && { html: raw.html }),
    raw,
  };
}

/**
 * The readable summary of an accepted body (both operations share the sender and content members).
 * Only raw MIME takes a promise (postal-mime parses asynchronously); every other summary is returned
 * as it is, so the mock's common case answers without a trip through the microtask queue.
 */
export function summarizeRequest(
  operation: MockOperation,
  body: unknown,
): RequestSummary | Promise<RequestSummary> {
  const request = isJsonObject(body) ? body : {};
  const destination = objectAt(request, 'Destination');
  const from = stringAt(request, 'FromEmailAddress');
  const to = stringsAt(destination, 'ToAddresses');
  const cc = stringsAt(destination, 'CcAddresses');
  const bcc = stringsAt(destination, 'BccAddresses');
  // No conditional spread here: a literal built that way costs several times the rest of the summary.
  const base: RequestSummary = from === undefined ? { to, cc, bcc } : { from, to, cc, bcc };
  if (operation === 'SendBulkEmail') {
    const template = templateSummary(objectAt(objectAt(request, 'DefaultContent'), 'Template'));
    const content = objectAt(objectAt(objectAt(request, 'DefaultContent'), 'Template'), 'TemplateContent');
    const text = stringAt(content, 'Text');
    const html = stringAt(content, 'Html');
    return {
      ...base,
      ...(template?.subject !== undefined && { subject: template.subject }),
      ...(text !== undefined && { text }),
      ...(html !== undefined && { html }),
      ...(template && { template }),
    };
  }
  const content = objectAt(request, 'Content');
  const simple = objectAt(content, 'Simple');
  if (simple) {
    // The mock's common case: members are added in place (same order as the spreads elsewhere).
    const summary = base;
    const subject = stringAt(objectAt(simple, 'Subject'), 'Data');
    const body = objectAt(simple, 'Body');
    const text = stringAt(objectAt(body, 'Text'), 'Data');
    const html = stringAt(objectAt(body, 'Html'), 'Data');
    if (subject !== undefined) summary.subject = subject;
    if (text !== undefined) summary.text = text;
    if (html !== undefined) summary.html = html;
    return summary;
  }
  const rawData = stringAt(objectAt(content, 'Raw'), 'Data');
  if (rawData !== undefined) return summarizeRaw(base, rawData);
  const template = objectAt(content, 'Template');
  const summary = templateSummary(template);
  const templateContent = objectAt(template, 'TemplateContent');
  const text = stringAt(templateContent, 'Text');
  const html = stringAt(templateContent, 'Html');
  return {
    ...base,
    ...(summary?.subject !== undefined && { subject: summary.subject }),
    ...(text !== undefined && { text }),
    ...(html !== undefined && { html }),
    ...(summary && { template: summary }),
  };
}
