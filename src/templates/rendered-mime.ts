/**
 * A rendered message as the MIME text a recipient's server would get (`render --format eml`), like
 * SES's TestRenderEmailTemplate, which answers with the whole message. Deterministic: no Date or
 * Message-ID (SES adds those when it sends), a fixed boundary, bodies in 7bit when they are ASCII
 * with short lines and in base64 otherwise; a non-ASCII subject as RFC 2047 encoded-words.
 *
 * Browser-safe: no `node:` imports.
 */
import { toEncodedWords } from '../contract/address/encoded-word.ts';
import type { RenderedMessage } from './render-request.ts';
import type { RenderedParts } from './render-template.ts';

const CRLF = '\r\n';
const BOUNDARY = 'ses-contract-alternative';
const encoder = new TextEncoder();

function isPlainAscii(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the 7bit range is exactly what is tested
  return /^[\x00-\x7f]*$/.test(text) && text.split(/\r?\n/).every((line) => line.length <= 998);
}

function base64Lines(text: string): string {
  const bytes = encoder.encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return (btoa(binary).match(/.{1,76}/g) ?? []).join(CRLF);
}

function part(mediaType: 'text/plain' | 'text/html', body: string): string {
  const plain = isPlainAscii(body);
  return [
    `Content-Type: ${mediaType}; charset=UTF-8`,
    `Content-Transfer-Encoding: ${plain ? '7bit' : 'base64'}`,
    '',
    plain ? body.replace(/\r?\n/g, CRLF) : base64Lines(body),
  ].join(CRLF);
}

function headerValue(text: string): string {
  return isPlainAscii(text) ? text : toEncodedWords(text);
}

/** The message as MIME text, with CRLF line ends. */
export function renderedMime(message: RenderedMessage, parts: RenderedParts): string {
  const headers: string[] = [];
  if (message.from !== undefined) headers.push(`From: ${message.from}`);
  if (message.to.length > 0) headers.push(`To: ${message.to.join(', ')}`);
  if (message.cc.length > 0) headers.push(`Cc: ${message.cc.join(', ')}`);
  if (message.replyTo.length > 0) headers.push(`Reply-To: ${message.replyTo.join(', ')}`);
  headers.push(`Subject: ${headerValue(parts.subject ?? '')}`, 'MIME-Version: 1.0');
  for (const header of message.headers) headers.push(`${header.name}: ${headerValue(header.value)}`);
  const bodies: string[] = [];
  if (parts.text !== undefined) bodies.push(part('text/plain', parts.text));
  if (parts.html !== undefined) bodies.push(part('text/html', parts.html));
  if (bodies.length === 1) return `${headers.join(CRLF)}${CRLF}${bodies[0]}${CRLF}`;
  if (bodies.length === 0) return `${headers.join(CRLF)}${CRLF}${part('text/plain', '')}${CRLF}`;
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    '',
    ...bodies.flatMap((body) => [`--${BOUNDARY}`, body]),
    `--${BOUNDARY}--`,
    '',
  ].join(CRLF);
}
