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
import type { OperationName } from '../contract/operations.ts';
import type { RuleId } from '../contract/rule-catalog.ts';
import type { Violation } from '../contract/violation.ts';
import type { RenderedMessage } from '../templates/render-request.ts';
import { deliveryEvents, type MessageEvent } from './mailbox-simulator.ts';

/** SES's name of the operation a message came through. */
export type MockOperation = OperationName;

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

/**
 * What happened to a message after the API accepted it, named as SES's event publishing names the
 * event types: `Send` then `Delivery` (or the mailbox simulator's `Bounce` / `Complaint`), or `Send`
 * then `Rendering Failure` when a template variable has no value (reference §7.3: SES answers 200,
 * then drops the message).
 */
export type { MessageEvent } from './mailbox-simulator.ts';

/** The template a message was rendered from, and how that went. */
export type StoredTemplate = {
  /** The stored template's name (`TemplateName`, or the name part of `TemplateArn`); absent inline. */
  name?: string;
  /** The data it was rendered with: for a bulk entry, the defaults merged with the entry's data. */
  data: JsonObject;
  /**
   * `unrendered`: a stored template while the mock holds no templates (`--templates`), shown as sent.
   * `failed`: a variable had no value; the message was not delivered (see `events`).
   */
  rendering: 'rendered' | 'failed' | 'unrendered';
  /** For `failed`: the variable with no value, when that was the cause. */
  missingVariable?: string;
};

/** For each SendBulkEmail entry stored as its own message: which request and entry it came from. */
export type StoredBulkEntry = { requestId: string; entry: number; entries: number };

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
  /** Set for Template content: subject, text and html above are the rendered ones. */
  template?: StoredTemplate;
  /** The message's headers (Template.Headers; for a bulk entry with its ReplacementHeaders). */
  headers?: Array<{ name: string; value: string }>;
  /** EmailTags, or a bulk entry's DefaultEmailTags with its ReplacementTags. */
  tags?: Array<{ name: string; value: string }>;
  raw?: ParsedRawMessage;
  /** Set for SendBulkEmail: every successful entry is its own message; `id` is the entry's id (aws). */
  bulk?: StoredBulkEntry;
  events: readonly MessageEvent[];
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

export type RequestSummary = Pick<
  StoredMessage,
  'from' | 'to' | 'cc' | 'bcc' | 'subject' | 'text' | 'html' | 'raw'
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
 * The readable summary of an accepted SendEmail with Simple or Raw content (templates are rendered:
 * `renderedSummary`). Only raw MIME takes a promise (postal-mime parses asynchronously); every other
 * summary is returned as it is, so the mock's common case answers without a trip through the
 * microtask queue.
 */
export function summarizeRequest(body: unknown): RequestSummary | Promise<RequestSummary> {
  const request = isJsonObject(body) ? body : {};
  const destination = objectAt(request, 'Destination');
  const from = stringAt(request, 'FromEmailAddress');
  const to = stringsAt(destination, 'ToAddresses');
  const cc = stringsAt(destination, 'CcAddresses');
  const bcc = stringsAt(destination, 'BccAddresses');
  // No conditional spread here: a literal built that way costs several times the rest of the summary.
  const base: RequestSummary = from === undefined ? { to, cc, bcc } : { from, to, cc, bcc };
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
  return base;
}

/** Events of a message that was sent: delivered, or what the mailbox simulator makes of it. */
export function sentEvents(message: Pick<StoredMessage, 'to' | 'cc' | 'bcc'>): readonly MessageEvent[] {
  return deliveryEvents([...message.to, ...message.cc, ...message.bcc]);
}

export type RenderedSummary = RequestSummary &
  Pick<StoredMessage, 'template' | 'headers' | 'tags' | 'events'>;

/** What the mock keeps of one rendered template message (a SendEmail, or one bulk entry). */
export function renderedSummary(rendered: RenderedMessage): RenderedSummary {
  const { rendering } = rendered;
  const template: StoredTemplate = {
    ...(rendered.template.name !== undefined && { name: rendered.template.name }),
    data: rendered.template.data,
    rendering:
      rendering.status === 'rendered' ? 'rendered' : rendering.status === 'failed' ? 'failed' : 'unrendered',
    ...(rendering.status === 'failed' &&
      rendering.variable !== undefined && { missingVariable: rendering.variable }),
  };
  const events: readonly MessageEvent[] =
    rendering.status === 'failed'
      ? [
          { eventType: 'Send' },
          {
            eventType: 'Rendering Failure',
            failure: {
              errorMessage: rendering.reason,
              ...(rendered.template.name !== undefined && { templateName: rendered.template.name }),
            },
          },
        ]
      : // Unrendered: the mock cannot tell whether SES would deliver it, so only the send is known.
        rendering.status === 'rendered'
        ? sentEvents(rendered)
        : [{ eventType: 'Send' }];
  return {
    ...(rendered.from !== undefined && { from: rendered.from }),
    to: rendered.to,
    cc: rendered.cc,
    bcc: rendered.bcc,
    ...(rendering.status === 'rendered' && rendering.subject !== undefined && { subject: rendering.subject }),
    ...(rendering.status === 'rendered' && rendering.text !== undefined && { text: rendering.text }),
    ...(rendering.status === 'rendered' && rendering.html !== undefined && { html: rendering.html }),
    template,
    ...(rendered.headers.length > 0 && { headers: rendered.headers }),
    ...(rendered.tags.length > 0 && { tags: rendered.tags }),
    events,
  };
}
