import { describe, expect, it } from 'vitest';
import { encodedWordProblem, looksLikeEncodedWord, toEncodedWords } from './encoded-word.ts';

describe('encoded-words', () => {
  it.each<[string, boolean]>([
    ['=?UTF-8?B?SsO8cmdlbg==?=', true],
    ['=?x?=', true],
    ['=?=', false],
    ['Jurgen', false],
    ['=?UTF-8?Q?a?=b', false],
  ])('%j looks like an encoded-word: %s', (word, expected) => {
    expect(looksLikeEncodedWord(word)).toBe(expected);
  });

  it.each(['=?UTF-8?B?SsO8cmdlbg==?=', '=?iso-8859-1?q?J=FCrgen?=', '=?UTF-8?Q?a_b?='])(
    'accepts %j',
    (word) => {
      expect(encodedWordProblem(word)).toBeUndefined();
    },
  );

  it.each<[string, RegExp]>([
    ['=?UTF-8?B?SsO8cmdlbg?=', /length 10 is not a multiple of 4/],
    ['=?UTF-8?Q?J=C?=', /Q-encoded text/],
    ['=?UTF-8?Q?Jü?=', /raw character 'ü'/],
    ['=?UTF-8?Z?a?=', /encoding 'Z'/],
  ])('rejects %j', (word, message) => {
    expect(encodedWordProblem(word)).toMatch(message);
  });

  it('writes Unicode as UTF-8 B-words of at most 75 characters that decode back', () => {
    const name = 'Jürgen Müller-Lüdenscheidt 山田太郎 🎉'.repeat(3);
    const words = toEncodedWords(name).split(' ');
    expect(words.length).toBeGreaterThan(1);
    let bytes: number[] = [];
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      expect(encodedWordProblem(word)).toBeUndefined();
      const text = /^=\?UTF-8\?B\?(.*)\?=$/.exec(word)?.[1] ?? '';
      bytes = [...bytes, ...Array.from(atob(text), (c) => c.charCodeAt(0))];
    }
    expect(new TextDecoder().decode(new Uint8Array(bytes))).toBe(name);
    expect(toEncodedWords('Jürgen')).toBe('=?UTF-8?B?SsO8cmdlbg==?=');
  });
});
