import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';
import type { RuleId } from '../rule-catalog.ts';

const PATH = '/Content/Raw/Data';

type Case = [string, { given: string; want: RuleId[]; causes?: Array<RuleId | undefined>; raw?: boolean }];

describe('C-MIME6 address headers', () => {
  it.each<Case>([
    [
      'a Unicode domain in To',
      { given: buildRawMessage({ to: ['user@b\u00fccher.de'] }), want: ['C-MIME6'], causes: ['C-ADDR4'] },
    ],
    [
      // Raw Latin-1 octets (not UTF-8): they decode to U+FFFD, still a non-ASCII display name.
      '8-bit octets in a To display name',
      {
        given: buildRawMessage({ to: ['J\u00f6rg <j@example.com>'] }),
        want: ['C-MIME6'],
        causes: ['C-ADDR8'],
        raw: true,
      },
    ],
    [
      'an 8-bit local part in Cc',
      { given: buildRawMessage({ cc: ['j\u00f6rg@example.com'] }), want: ['C-MIME6'], causes: ['C-ADDR2'] },
    ],
    [
      'a bad Reply-To',
      {
        given: buildRawMessage({ headers: ['Reply-To: reply.example.com'] }),
        want: ['C-MIME6'],
        causes: ['C-ADDR1'],
      },
    ],
    [
      'a bad Bcc among good ones',
      {
        given: buildRawMessage({ bcc: ['a@example.com', 'b@xn--zz.com'] }),
        want: ['C-MIME6'],
        causes: ['C-ADDR6'],
      },
    ],
    [
      'an empty list member in To',
      {
        given: buildRawMessage({ to: ['a@example.com, , b@example.com'] }),
        want: ['C-MIME6'],
        causes: ['C-ADDR1'],
      },
    ],
    [
      'an empty To',
      { given: buildRawMessage({ to: [], headers: ['To: '] }), want: ['C-MIME6'], causes: ['C-ADDR1'] },
    ],
    [
      'a Sender with two mailboxes',
      {
        given: buildRawMessage({ headers: ['Sender: a@example.com, b@example.com'] }),
        want: ['C-MIME6'],
        causes: [undefined],
      },
    ],
    [
      '8-bit octets in a group name',
      {
        given: buildRawMessage({ to: ['Gr\u00fcppe: a@example.com;'] }),
        want: ['C-MIME6'],
        causes: [undefined],
      },
    ],
    ['an IDN (Punycode) To domain', { given: buildRawMessage({ to: ['user@xn--bcher-kva.de'] }), want: [] }],
    [
      'Punycode in every address header',
      {
        given: buildRawMessage({
          to: ['a@xn--mnchen-3ya.de'],
          cc: ['b@xn--bcher-kva.de'],
          bcc: ['c@xn--fiqs8s.xn--fiqz9s'],
          headers: ['Reply-To: d@xn--bcher-kva.de', 'Sender: sender@example.com'],
        }),
        want: [],
      },
    ],
    [
      'an encoded-word display name in To',
      { given: buildRawMessage({ to: ['=?UTF-8?Q?J=C3=B6rg?= <j@example.com>'] }), want: [] },
    ],
    [
      'an empty group in To',
      { given: buildRawMessage({ to: ['undisclosed-recipients:;'], bcc: ['a@example.com'] }), want: [] },
    ],
    ['an empty Bcc', { given: buildRawMessage({ headers: ['Bcc: '] }), want: [] }],
  ])('%s', (_name, { given, want, causes, raw }) => {
    const violations = checkRawMessage(raw ? btoa(given) : encodeRawData(given), PATH).violations;
    expect([...new Set(violations.map((v) => v.rule))]).toEqual(want);
    if (causes) expect(violations.map((v) => v.cause)).toEqual(causes);
  });

  it('points at the header and the address index', () => {
    const [found] = checkRawMessage(
      encodeRawData(buildRawMessage({ to: ['a@example.com', 'b@b\u00fccher.de'] })),
      PATH,
    ).violations;
    expect(found).toMatchObject({
      rule: 'C-MIME6',
      level: 'MUST',
      path: `${PATH}/header/To/1`,
      cause: 'C-ADDR4',
    });
  });

  it('keeps a SHOULD-level address defect at its own id and level', () => {
    const violations = checkRawMessage(
      encodeRawData(buildRawMessage({ to: ['a@ab--cd.example'] })),
      PATH,
    ).violations;
    expect(violations).toMatchObject([{ rule: 'C-ADDR7', level: 'SHOULD' }]);
  });

  it('ignores address headers inside MIME parts', () => {
    const mime = buildRawMessage({ body: { kind: 'alternative' } }).replace(
      'Content-Type: text/html; charset=us-ascii\r\n',
      'Content-Type: text/html; charset=us-ascii\r\nTo: not an address\r\n',
    );
    expect(checkRawMessage(encodeRawData(mime), PATH).violations).toEqual([]);
  });
});
