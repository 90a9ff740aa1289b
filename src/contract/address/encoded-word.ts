/**
 * RFC 2047 encoded-words (`=?charset?B|Q?encoded-text?=`) as they appear in a display name (a
 * `phrase`, §5(3)): checking one, and writing a Unicode name as encoded-words for the fix a
 * message suggests.
 */
import { base64Problem } from '../base64.ts';
import { quoteForMessage } from './quote-for-message.ts';

/** A word that is meant as an encoded-word: RFC 2047 treats anything that starts and ends so as one. */
export function looksLikeEncodedWord(word: string): boolean {
  return word.length >= 4 && word.startsWith('=?') && word.endsWith('?=');
}

/** RFC 2047 §2 `token`: any CHAR except SPACE, CTLs and especials (RFC 2231 `*language` included). */
const CHARSET = /^[!#$%&'*+\-0-9A-Z\\^_`a-z{|}~]+$/;
/** §5(3): in a phrase, Q-encoded text is limited to these (plus `=XX`). */
const Q_PHRASE_TEXT = /^(?:[A-Za-z0-9!*+\-/_]|=[0-9A-Fa-f]{2})+$/;

/** Why `word` is not a valid encoded-word in a display name, or undefined when it is. */
export function encodedWordProblem(word: string): string | undefined {
  const parts = word.slice(2, -2).split('?');
  if (parts.length !== 3) {
    return `${quoteForMessage(word)} is not an encoded-word: it needs exactly '=?charset?encoding?text?='`;
  }
  const [charset = '', encoding = '', text = ''] = parts;
  if (!CHARSET.test(charset)) {
    return `the encoded-word ${quoteForMessage(word)} has the charset ${quoteForMessage(charset)}, which is not an RFC 2047 token`;
  }
  if (text === '') return `the encoded-word ${quoteForMessage(word)} has no encoded text`;
  const nonAscii = text.search(/[^\u0020-\u007e]/);
  if (nonAscii !== -1) {
    return `the encoded-word ${quoteForMessage(word)} has the raw character ${quoteForMessage(text.charAt(nonAscii))} in its text: encode the bytes`;
  }
  switch (encoding.toUpperCase()) {
    case 'B': {
      const problem = base64Problem(text);
      return (
        problem && `the B-encoded text of ${quoteForMessage(word)} is not valid base64: ${problem.reason}`
      );
    }
    case 'Q':
      return Q_PHRASE_TEXT.test(text)
        ? undefined
        : `the Q-encoded text of ${quoteForMessage(word)} has characters a display name does not allow there: write other bytes as '=XX' (RFC 2047 §5)`;
    default:
      return `the encoded-word ${quoteForMessage(word)} has the encoding ${quoteForMessage(encoding)}: use 'B' or 'Q'`;
  }
}

const encoder = new TextEncoder();
/** 45 bytes make 60 base64 characters, so each word stays within RFC 2047's 75 characters. */
const BYTES_PER_WORD = 45;

/** `text` as UTF-8 B encoded-words, split between characters, separated by spaces. */
export function toEncodedWords(text: string): string {
  const words: string[] = [];
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) words.push(`=?UTF-8?B?${btoa(String.fromCharCode(...bytes))}?=`);
    bytes = [];
  };
  for (const char of text) {
    const encoded = encoder.encode(char);
    if (bytes.length + encoded.length > BYTES_PER_WORD) flush();
    bytes.push(...encoded);
  }
  flush();
  return words.join(' ');
}
