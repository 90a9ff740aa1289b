/**
 * The mock's store in the shapes two SES emulators serve, so tests written against them run
 * unchanged against the mock: LocalStack's `GET /_aws/ses` (`{"messages":[…]}`, PascalCase
 * fields, `Body.text_part`/`html_part`) and aws-ses-v2-local's `GET /store`
 * (`{"emails":[…],"templates":{…}}`, camelCase, `at` in epoch seconds). Both views read the one
 * store, so clearing either clears both.
 */
import { decodeBase64 } from '../contract/base64.ts';
import { arrayAt, isJsonObject, objectAt, stringAt, stringsAt } from '../contract/json-reading.ts';
import type { StoredMessage } from './stored-message.ts';

/** LocalStack writes `datetime.isoformat()` of a naive UTC time: no fraction, no zone. */
function localStackTimestamp(createdAt: string): string {
  return createdAt.slice(0, 19);
}

function rawText(request: unknown): string | undefined {
  const data = stringAt(objectAt(objectAt(request, 'Content'), 'Raw'), 'Data');
  if (data === undefined) return undefined;
  try {
    return new TextDecoder('utf-8').decode(decodeBase64(data));
  } catch {
    return undefined;
  }
}

/** One message as LocalStack's SES provider keeps it for retrospection. */
export function localStackMessage(message: StoredMessage, region: string): Record<string, unknown> {
  const destination: Record<string, string[]> = {};
  if (message.to.length > 0) destination.ToAddresses = message.to;
  if (message.cc.length > 0) destination.CcAddresses = message.cc;
  if (message.bcc.length > 0) destination.BccAddresses = message.bcc;
  const view: Record<string, unknown> = {
    Id: message.id,
    Region: region,
    Timestamp: localStackTimestamp(message.createdAt),
    Source: message.from ?? '',
    Destination: destination,
  };
  const raw = message.raw ? rawText(message.request) : undefined;
  if (raw !== undefined) {
    view.RawData = raw;
  } else if (message.template?.name !== undefined) {
    view.Template = message.template.name;
    view.TemplateData = JSON.stringify(message.template.data);
  }
  if (raw === undefined) {
    view.Subject = message.subject ?? null;
    view.Body = { text_part: message.text ?? null, html_part: message.html ?? null };
  }
  return view;
}

/** LocalStack's filters: `id` (the message id) and `email` (the sender). */
export function localStackMessages(
  messages: readonly StoredMessage[],
  region: string,
  query: URLSearchParams,
): Record<string, unknown>[] {
  const id = query.get('id');
  const email = query.get('email');
  // Oldest first, as LocalStack lists them.
  return [...messages]
    .reverse()
    .filter((m) => (id === null || m.id === id) && (email === null || m.from === email))
    .map((m) => localStackMessage(m, region));
}

function simpleAttachments(request: unknown): Array<Record<string, unknown>> {
  const simple = objectAt(objectAt(request, 'Content'), 'Simple');
  return (arrayAt(simple, 'Attachments') ?? []).filter(isJsonObject).map((a) => {
    const content = stringAt(a, 'RawContent') ?? '';
    const contentType = stringAt(a, 'ContentType');
    const filename = stringAt(a, 'FileName');
    return {
      content,
      contentType: contentType ?? 'application/octet-stream',
      ...(filename !== undefined && { filename }),
      size: Math.floor((content.replace(/=+$/, '').length * 3) / 4),
    };
  });
}

/** One message as aws-ses-v2-local's store keeps it. */
export function sesV2LocalEmail(message: StoredMessage): Record<string, unknown> {
  return {
    messageId: message.id,
    from: message.from ?? '',
    replyTo: stringsAt(message.request, 'ReplyToAddresses'),
    destination: { to: message.to, cc: message.cc, bcc: message.bcc },
    subject: message.subject ?? '',
    body: {
      ...(message.html !== undefined && { html: message.html }),
      ...(message.text !== undefined && { text: message.text }),
    },
    attachments: simpleAttachments(message.request),
    ...(message.headers && { headers: message.headers }),
    at: Math.floor(Date.parse(message.createdAt) / 1000),
  };
}

export type SinceFilter = { ok: true; since: number | undefined } | { ok: false; message: string };

/** aws-ses-v2-local's `since`: an integer of epoch seconds, written as such; its own error texts. */
export function sinceFilter(query: URLSearchParams): SinceFilter {
  const values = query.getAll('since');
  if (values.length === 0 || values[0] === '') return { ok: true, since: undefined };
  if (values.length > 1) return { ok: false, message: 'Bad since query param, expected single value' };
  const since = Number.parseInt(values[0] ?? '', 10);
  if (Number.isNaN(since) || values[0] !== String(since)) {
    return {
      ok: false,
      message: 'Bad since query param, expected integer representing epoch timestamp in seconds',
    };
  }
  return { ok: true, since };
}

/** `GET /store`: oldest first, as aws-ses-v2-local appends them. */
export function sesV2LocalStore(
  messages: readonly StoredMessage[],
  since: number | undefined,
  templates: Record<string, unknown>,
): { emails: Record<string, unknown>[]; templates: Record<string, unknown> } {
  const emails = [...messages].reverse().map(sesV2LocalEmail);
  return {
    emails: since === undefined ? emails : emails.filter((e) => (e.at as number) >= since),
    templates,
  };
}
