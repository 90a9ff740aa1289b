import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';
import type { RuleId } from '../rule-catalog.ts';

const PATH = '/Content/Raw/Data';
const HEAD = 'From: sender@example.com\r\nTo: recipient@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n';
const check = (mime: string) => checkRawMessage(encodeRawData(mime), PATH).violations;
const alternative = buildRawMessage({ body: { kind: 'alternative' } });
const nested = buildRawMessage({ body: { kind: 'nested', attachments: [{ fileName: 'a.pdf', size: 100 }] } });

/** A multipart/mixed message with the given boundary parameter text and body lines. */
function mixed(boundaryParam: string, body: string[]): string {
  return `${HEAD}Content-Type: multipart/mixed; ${boundaryParam}\r\n\r\n${body.join('\r\n')}\r\n`;
}
const part = ['Content-Type: text/plain', '', 'Hi'];

type Case = [string, { given: string; want: RuleId[]; path?: string }];

describe('C-MIME7 multipart structure', () => {
  it.each<Case>([
    [
      'a missing closing boundary',
      { given: alternative.replace('--alt-91c2--\r\n', ''), want: ['C-MIME7'], path: PATH },
    ],
    [
      'a nested multipart missing its closing boundary',
      { given: nested.replace('--alt-91c2--\r\n', ''), want: ['C-MIME7'], path: `${PATH}/part/1` },
    ],
    ['no delimiter line at all', { given: mixed('boundary=b1', ['just text']), want: ['C-MIME7'] }],
    ['only a closing delimiter', { given: mixed('boundary=b1', ['--b1--']), want: ['C-MIME7'] }],
    [
      'no boundary parameter',
      { given: mixed('charset=us-ascii', ['--b1', ...part, '--b1--']), want: ['C-MIME7'] },
    ],
    ['an empty boundary', { given: mixed('boundary=""', ['--', ...part, '----']), want: ['C-MIME7'] }],
    [
      'a 71-character boundary',
      {
        given: mixed(`boundary="${'b'.repeat(71)}"`, [
          `--${'b'.repeat(71)}`,
          ...part,
          `--${'b'.repeat(71)}--`,
        ]),
        want: ['C-MIME7'],
      },
    ],
    [
      'a boundary ending in a space',
      { given: mixed('boundary="b1 "', ['--b1 ', ...part, '--b1 --']), want: ['C-MIME7'] },
    ],
    [
      'a boundary with a forbidden character',
      { given: mixed('boundary="b<1>"', ['--b<1>', ...part, '--b<1>--']), want: ['C-MIME7'] },
    ],
    [
      'a nested multipart reusing its parent boundary',
      {
        given: nested.replaceAll('alt-91c2', 'mixed-7f3a'),
        want: ['C-MIME7'],
        path: `${PATH}/part/1`,
      },
    ],
    [
      'a 70-character boundary',
      {
        given: mixed(`boundary="${'b'.repeat(70)}"`, [
          `--${'b'.repeat(70)}`,
          ...part,
          `--${'b'.repeat(70)}--`,
        ]),
        want: [],
      },
    ],
    [
      'a boundary with every special bchar',
      {
        given: mixed(`boundary="a'()+_,-./:=? z"`, [`--a'()+_,-./:=? z`, ...part, `--a'()+_,-./:=? z--`]),
        want: [],
      },
    ],
    ['an unquoted boundary', { given: mixed('boundary=b1', ['--b1', ...part, '--b1--']), want: [] }],
    [
      'preamble and epilogue',
      {
        given: mixed('boundary=b1', ['This is a preamble.', '--b1', ...part, '--b1--', 'epilogue']),
        want: [],
      },
    ],
    [
      'transport padding after delimiters',
      { given: mixed('boundary=b1', ['--b1  ', ...part, '--b1--\t']), want: [] },
    ],
    ['an empty part', { given: mixed('boundary=b1', ['--b1', '--b1', ...part, '--b1--']), want: [] }],
    ['a part that only has a body', { given: mixed('boundary=b1', ['--b1', '', 'Hi', '--b1--']), want: [] }],
    [
      'a boundary that prefixes another line',
      { given: mixed('boundary=b1', ['--b1', ...part, '--b1x is text', '--b1--']), want: [] },
    ],
    ['nested multiparts with distinct boundaries', { given: nested, want: [] }],
    // One defect, one rule: a bad sub-part header is C-MIME2 at the part's path.
    [
      'a malformed sub-part',
      {
        given: mixed('boundary=b1', ['--b1', 'Not a header', '', 'Hi', '--b1--']),
        want: ['C-MIME2'],
        path: `${PATH}/part/1`,
      },
    ],
  ])('%s', (_name, { given, want, path }) => {
    const violations = check(given);
    expect([...new Set(violations.map((v) => v.rule))]).toEqual(want);
    if (path) expect(violations.map((v) => v.path)).toEqual([path]);
  });

  it('numbers nested parts by their position', () => {
    const mime = nested
      .replace('<p>Hello', 'X-Bad\r\n\r\n<p>Hello')
      .replace(
        'Content-Type: text/html; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nX-Bad',
        'Content-Type: text/html; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\nX-Bad',
      );
    expect(check(mime).map((v) => [v.rule, v.path])).toEqual([['C-MIME2', `${PATH}/part/1/2`]]);
  });
});
