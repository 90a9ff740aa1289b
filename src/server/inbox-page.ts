/**
 * The HTML inbox at `GET /_mock`: what a frontend developer opens to see what their UI sent.
 * Everything from a request is untrusted: text is escaped, and HTML bodies are shown in an iframe
 * with an empty `sandbox` (no scripts, no forms, no same-origin) through `srcdoc`; the page's CSP
 * forbids loading anything, so a tracking pixel in a test email stays silent.
 */
import type { StoredMessage } from './stored-message.ts';

export const INBOX_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'";

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

function messageArticle(message: StoredMessage): string {
  const recipients = (list: string[]) => (list.length > 0 ? list.join(', ') : undefined);
  const entries = message.entries
    ?.map(
      (e) =>
        `<li>#${e.index} ${escapeHtml(e.to.join(', '))}: <strong>${escapeHtml(e.status)}</strong>${
          e.messageId ? ` ${escapeHtml(e.messageId)}` : ''
        }${e.error ? ` — ${escapeHtml(e.error)}` : ''}</li>`,
    )
    .join('');
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
  return `<article>
<h2>${escapeHtml(message.subject ?? '(no subject)')}</h2>
<dl>${field('Id', message.id)}${field('Operation', message.operation)}${field('Received', message.createdAt)}${field(
    'From',
    message.from,
  )}${field('To', recipients(message.to))}${field('Cc', recipients(message.cc))}${field(
    'Bcc',
    recipients(message.bcc),
  )}${field('Template', message.template?.name)}${field('Template data', message.template?.templateData)}</dl>
${advice ? `<h3>Advice (accepted, as SES would; the result may not be what was meant)</h3><ul class="advice">${advice}</ul>` : ''}
${entries ? `<h3>Entries</h3><ul>${entries}</ul>` : ''}
${message.text !== undefined ? `<h3>Text</h3><pre>${escapeHtml(message.text)}</pre>` : ''}
${message.html !== undefined ? `<h3>HTML</h3><iframe sandbox="" title="HTML body" srcdoc="${escapeHtml(message.html)}"></iframe>` : ''}
${attachments ? `<h3>Attachments</h3><ul>${attachments}</ul>` : ''}
</article>`;
}

export function renderInboxPage(messages: readonly StoredMessage[]): string {
  const body =
    messages.length === 0
      ? '<p class="empty">No messages yet. Send one to POST /v2/email/outbound-emails.</p>'
      : messages.map(messageArticle).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ses-contract mock inbox (${messages.length})</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;max-width:60rem}
article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}
dl{display:grid;grid-template-columns:8rem 1fr;gap:.2rem 1rem}dt{color:#555}dd{margin:0;word-break:break-all}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}iframe{width:100%;height:20rem;border:1px solid #ddd}
</style>
</head>
<body>
<h1>Mock inbox: ${messages.length} message${messages.length === 1 ? '' : 's'}, newest first</h1>
<p>JSON: <a href="/_mock/messages">/_mock/messages</a>. Clear: <code>curl -X DELETE …/_mock/messages</code>. Reload to refresh.</p>
${body}
</body>
</html>
`;
}
