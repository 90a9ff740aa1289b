/**
 * The full parse of a raw message (text, HTML, attachments, decoded headers) for places that show a
 * message, such as the mock's inbox. postal-mime does the work: it runs in Node and in browsers. It
 * is forgiving by design, so it is never used to judge a message; run `checkRawMessage` first.
 */
import PostalMime, { type Email } from 'postal-mime';
import { base64Problem, decodeBase64 } from '../base64.ts';

export type ParsedRawMessage = Email;

/**
 * Parses the base64 text of `Content.Raw.Data`. Resolves to undefined when the text is not strict
 * base64 or the parser gives up; never rejects.
 */
export async function parseRawMessage(data: string): Promise<ParsedRawMessage | undefined> {
  if (base64Problem(data)) return undefined;
  try {
    return await PostalMime.parse(decodeBase64(data), { attachmentEncoding: 'base64' });
  } catch {
    return undefined;
  }
}
