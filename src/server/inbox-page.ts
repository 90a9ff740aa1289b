/**
 * The HTML inbox at `GET /_mock`: what a frontend developer opens to see what their UI sent, as the
 * recipient would get it (templates rendered, display names decoded, SendBulkEmail entries one
 * message each, grouped by request). Everything from a request is untrusted: text is escaped, and
 * HTML bodies are shown in an iframe with an empty `sandbox` (no scripts, no forms, no same-origin)
 * through `srcdoc`; the page's CSP forbids loading anything but its own poll script, so a tracking
 * pixel in a test email stays silent.
 */
import { addressParser } from 'postal-mime';
import type { StoredMessage } from './stored-message.ts';

/** Only the page's own script (`INBOX_SCRIPT_PATH`) runs, and it may only fetch the inbox again. */
export const INBOX_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; script-src 'self'; connect-src 'self'";

export const INBOX_SCRIPT_PATH = '/_mock/inbox.js';

/**
 * Refreshes the list without a reload: every 2 s it fetches the page again and swaps the list in
 * when the store's version changed (a small poll; no framework, nothing else to serve).
 */
export const INBOX_SCRIPT = `'use strict';
let list = document.getElementById('messages');
async function poll() {
  try {
    const response = await fetch(location.href, { cache: 'no-store', headers: { accept: 'text/html' } });
    if (response.ok) {
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.getElementById('messages');
      if (list && fresh && fresh.dataset.version !== list.dataset.version) {
        const adopted = document.adoptNode(fresh);
        list.replaceWith(adopted);
        list = adopted;
        document.title = page.title;
      }
    }
  } catch {
    // The mock stopped or restarted: try again at the next tick.
  }
  setTimeout(poll, 2000);
}
setTimeout(poll, 2000);
`;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function field(label: string, value: string | undefined): string {
  return value ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : '';
}

/**
 * An address as the recipient's mail client shows it: RFC 2047 display names decoded
 * (`=?UTF-8?B?Wm/Dqw==?= <zoe@example.org>` → `Zoë <zoe@example.org>`), by postal-mime's address
 * parser, the one that already reads raw messages here.
 */
export function displayAddress(address: string): string {
  try {
    const [parsed] = addressParser(address);
    if (parsed && !parsed.group && parsed.name && parsed.address) return `${parsed.name} <${parsed.address}>`;
  } catch {
    // Shown as sent.
  }
  return address;
}

function addresses(list: readonly string[] | undefined): string | undefined {
  return list && list.length > 0 ? list.map(displayAddress).join(', ') : undefined;
}

function pairs(list: ReadonlyArray<{ name: string; value: string }> | undefined): string | undefined {
  return list && list.length > 0 ? list.map((p) => `${p.name}: ${p.value}`).join('\n') : undefined;
}

function heading(message: StoredMessage): string {
  if (message.subject !== undefined) return message.subject;
  if (message.template?.rendering === 'failed') return '(not delivered: Rendering Failure)';
  if (message.template?.rendering === 'unrendered')
    return `(stored template ${message.template.name ?? ''}, not rendered)`;
  return '(no subject)';
}

function templateLine(message: StoredMessage): string | undefined {
  const template = message.template;
  if (!template) return undefined;
  const which = template.name === undefined ? 'inline TemplateContent' : template.name;
  const how =
    template.rendering === 'unrendered'
      ? 'not rendered: the mock holds no templates (start it with --templates DIR)'
      : template.rendering;
  return `${which} (${how})`;
}

function messageArticle(message: StoredMessage): string {
  const attachments = message.raw?.attachments
    .map(
      (a) => `<li>${escapeHtml(a.filename ?? '(no name)')} (${escapeHtml(a.mimeType)}, ${a.size} bytes)</li>`,
    )
    .join('');
  const advice = message.advice
    ?.map(
      (a) =>
        `<li><strong>${escapeHtml(a.cause ? `${a.rule} (${a.cause})` : a.rule)}</strong> ${escapeHtml(
          a.path || '/',
        )}: ${escapeHtml(a.message)}</li>`,
    )
    .join('');
  const failure = message.events.find((e) => e.eventType === 'Rendering Failure');
  const events = message.events.map((e) => e.eventType).join(' → ');
  const entry = message.bulk ? `${message.bulk.entry + 1} of ${message.bulk.entries}` : undefined;
  return `<article class="message${failure ? ' failed' : ''}">
<h2 class="subject">${escapeHtml(heading(message))}</h2>
<dl>${field('Id', message.id)}${field('Operation', message.operation)}${field('Entry', entry)}${field(
    'Received',
    message.createdAt,
  )}${field('Events', events)}${field('From', addresses(message.from === undefined ? undefined : [message.from]))}${field(
    'To',
    addresses(message.to),
  )}${field('Cc', addresses(message.cc))}${field('Bcc', addresses(message.bcc))}${field(
    'Template',
    templateLine(message),
  )}${field('Headers', pairs(message.headers))}${field('Tags', pairs(message.tags))}</dl>
${failure?.eventType === 'Rendering Failure' ? `<p class="failure">Rendering Failure: ${escapeHtml(failure.failure.errorMessage)} SES answered 200 and dropped this message.</p>` : ''}
${message.template ? `<h3>Template data</h3><pre class="data">${escapeHtml(JSON.stringify(message.template.data, null, 2))}</pre>` : ''}
${advice ? `<h3>Advice (accepted, as SES would; the result may not be what was meant)</h3><ul class="advice">${advice}</ul>` : ''}
${message.text !== undefined ? `<h3>Text</h3><pre>${escapeHtml(message.text)}</pre>` : ''}
${message.html !== undefined ? `<h3>HTML</h3><iframe sandbox="" title="HTML body" srcdoc="${escapeHtml(message.html)}"></iframe>` : ''}
${attachments ? `<h3>Attachments</h3><ul>${attachments}</ul>` : ''}
</article>`;
}

/** Newest first, each SendBulkEmail request's entries together and in entry order. */
function grouped(messages: readonly StoredMessage[]): StoredMessage[][] {
  const groups: StoredMessage[][] = [];
  const byRequest = new Map<string, StoredMessage[]>();
  for (const message of messages) {
    const requestId = message.bulk?.requestId;
    const group = requestId === undefined ? undefined : byRequest.get(requestId);
    if (group) group.push(message);
    else {
      const fresh = [message];
      groups.push(fresh);
      if (requestId !== undefined) byRequest.set(requestId, fresh);
    }
  }
  for (const group of groups) group.sort((a, b) => (a.bulk?.entry ?? 0) - (b.bulk?.entry ?? 0));
  return groups;
}

function groupSection(group: readonly StoredMessage[]): string {
  const first = group[0];
  if (!first?.bulk) return group.map(messageArticle).join('\n');
  return `<section class="bulk"><h2>SendBulkEmail request ${escapeHtml(first.bulk.requestId)}: ${group.length} of ${first.bulk.entries} entries sent</h2>
${group.map(messageArticle).join('\n')}
</section>`;
}

/** `version` changes whenever the store does; the poll script compares it. */
export function renderInboxPage(messages: readonly StoredMessage[], version = 0): string {
  const body =
    messages.length === 0
      ? '<p class="empty">No messages yet. Send one to POST /v2/email/outbound-emails.</p>'
      : grouped(messages).map(groupSection).join('\n');
  const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ses-contract mock inbox (${messages.length})</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;max-width:60rem}
article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}article.failed{border-color:#c33}
section.bulk{border-left:4px solid #88a;padding-left:1rem;margin:1.5rem 0}section.bulk>h2{font-size:1rem;color:#446}
h2.subject{overflow-wrap:anywhere;white-space:normal}.failure{color:#a00;font-weight:bold}
dl{display:grid;grid-template-columns:8rem 1fr;gap:.2rem 1rem}dt{color:#555}dd{margin:0;overflow-wrap:anywhere;white-space:pre-wrap}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.5rem}iframe{width:100%;height:20rem;border:1px solid #ddd}
</style>
</head>
<body>
<main id="messages" data-version="${version}">
<h1>Mock inbox: ${count}, newest first</h1>
<p>JSON: <a href="/_mock/messages">/_mock/messages</a>. Clear: <code>curl -X DELETE …/_mock/messages</code>. The list refreshes by itself.</p>
${body}
</main>
<script src="${INBOX_SCRIPT_PATH}"></script>
</body>
</html>
`;
}
