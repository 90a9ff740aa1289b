import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';
import { structuredValueProblem } from './mime11-content-type-syntax.ts';

const PATH = '/Content/Raw/Data';
const check = (mime: string) => checkRawMessage(encodeRawData(mime), PATH).violations;
const withContentType = (value: string) =>
  buildRawMessage().replace('Content-Type: text/plain; charset=us-ascii', `Content-Type: ${value}`);

describe('C-MIME11 Content-Type and Content-Disposition syntax (SHOULD)', () => {
  it.each([
    ['text; charset=UTF-8', "expected '/' after 'text', found ';' at position 5"],
    ['text/', "expected a subtype after 'text/', found the end of the value"],
    ['/plain', 'expected a type'],
    ['text/plain; charset', "expected '=' after the parameter name 'charset'"],
    ['text/plain; charset=', "expected a value for 'charset'"],
    ['text/plain charset=us-ascii', "expected ';' before the next parameter"],
    ['text/plain; name="a.txt', 'a quoted parameter value is not closed'],
    ['text/plain; name=a b.txt', "expected ';' before the next parameter, found 'b'"],
    ['text/plain; ; charset=us-ascii', 'expected a parameter name'],
  ])('Content-Type: %s is reported (%s)', (value, problem) => {
    expect(structuredValueProblem(value, true)).toContain(problem);
    const found = check(withContentType(value)).filter((v) => v.rule === 'C-MIME11');
    expect(found).toMatchObject([{ level: 'SHOULD', path: `${PATH}/header/Content-Type` }]);
  });

  it.each([
    'text/plain',
    'text/plain; charset=us-ascii',
    'TEXT/PLAIN;charset="us-ascii"',
    'text/plain ; charset = us-ascii ;',
    'text/plain; name="a;b=c.txt"; x-extra="quoted \\" quote"',
    'text/plain (a comment); charset=us-ascii',
    "text/plain; name*=UTF-8''%E2%82%AC.txt",
  ])('Content-Type: %s is well formed', (value) => {
    expect(structuredValueProblem(value, true)).toBeUndefined();
    expect(check(withContentType(value)).filter((v) => v.rule === 'C-MIME11')).toEqual([]);
  });

  it.each([
    ['attachment; filename="a b.pdf"', undefined],
    ['inline', undefined],
    ['attachment; filename=a b.pdf', "expected ';' before the next parameter"],
    ['attachment/pdf', "expected ';' before the next parameter, found '/'"],
    ['; filename=a.pdf', 'expected a type'],
  ])('Content-Disposition: %s', (value, problem) => {
    const got = structuredValueProblem(value, false);
    if (problem === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(problem);
  });

  it('checks every part, at the part’s header path', () => {
    const mime = buildRawMessage({
      body: { kind: 'mixed', attachments: [{ fileName: 'report.pdf', size: 10 }] },
    }).replace(
      'Content-Disposition: attachment; filename="report.pdf"',
      'Content-Disposition: attachment; filename=my report.pdf',
    );
    expect(check(mime).filter((v) => v.rule === 'C-MIME11')).toMatchObject([
      { path: `${PATH}/part/2/header/Content-Disposition` },
    ]);
  });
});
