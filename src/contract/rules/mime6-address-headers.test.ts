import { describe, expect, it } from 'vitest';
import { buildRawMessage, encodeRawData } from '../mime/build-raw-message.ts';
import { checkRawMessage } from '../mime/check-raw-message.ts';

const PATH = '/Content/Raw/Data';

/** `rule.clause/LEVEL`, and `<- cause.clause` when reported under another rule. */
type Case = [string, { given: string; want: string[]; raw?: boolean }];
const shown = (v: { rule: string; clause: string; level: string; cause?: string; causeClause?: string }) =>
  `${v.rule}.${v.clause}/${v.level}${v.cause ? ` <- ${v.cause}.${v.causeClause}` : ''}`;

describe('C-MIME6 address headers', () => {
  it.each<Case>([
    [
      'a Unicode domain in To',
      {
        given: buildRawMessage({ to: ['user@b\u00fccher.de'] }),
        want: ['C-MIME6.address/MUST <- C-ADDR4.main'],
      },
    ],
    [
      // OPEN in C-MIME6, decided as for JSON fields: SES accepts raw non-ASCII names, so advice.
      // Raw Latin-1 octets (not UTF-8) decode to U+FFFD, still a non-ASCII display name.
      '8-bit octets in a To display name',
      {
        given: buildRawMessage({ to: ['J\u00f6rg <j@example.com>'] }),
        want: ['C-ADDR8.encoded-words/ADVISE'],
        raw: true,
      },
    ],
    [
      'UTF-8 in a Cc display name',
      {
        given: buildRawMessage({ cc: ['J\u00f6rg <j@example.com>'] }),
        want: ['C-ADDR8.encoded-words/ADVISE'],
      },
    ],
    [
      'an 8-bit local part in Cc',
      {
        given: buildRawMessage({ cc: ['j\u00f6rg@example.com'] }),
        want: ['C-MIME6.address/MUST <- C-ADDR2.local-part'],
      },
    ],
    [
      'a bad Reply-To',
      {
        given: buildRawMessage({ headers: ['Reply-To: reply.example.com'] }),
        want: ['C-MIME6.address/MUST <- C-ADDR1.syntax'],
      },
    ],
    [
      'a single-label domain in Bcc among good ones',
      {
        given: buildRawMessage({ bcc: ['a@example.com', 'b@localhost'] }),
        want: ['C-MIME6.address/MUST <- C-ADDR5.labels'],
      },
    ],
    [
      'a SHOULD defect in Bcc: its own id and level, never under C-MIME6',
      {
        given: buildRawMessage({ bcc: ['a@example.com', 'b@xn--zz.com'] }),
        want: ['C-ADDR6.main/SHOULD'],
      },
    ],
    [
      'an empty list member in To',
      {
        given: buildRawMessage({ to: ['a@example.com, , b@example.com'] }),
        want: ['C-MIME6.address/MUST <- C-ADDR1.syntax'],
      },
    ],
    [
      'an empty To',
      {
        given: buildRawMessage({ to: [], headers: ['To: '] }),
        want: ['C-MIME6.address/MUST <- C-ADDR1.syntax'],
      },
    ],
    [
      'a Sender with two mailboxes',
      {
        given: buildRawMessage({ headers: ['Sender: a@example.com, b@example.com'] }),
        want: ['C-MIME6.address/MUST'],
      },
    ],
    [
      // A group name is a display name: the same advice, without an address to blame.
      '8-bit octets in a group name',
      {
        given: buildRawMessage({ to: ['Gr\u00fcppe: a@example.com;'] }),
        want: ['C-ADDR8.encoded-words/ADVISE'],
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
      'an unquoted dot in a To display name (SES’s parser accepts it)',
      { given: buildRawMessage({ to: ['John Q. Public <j@example.com>'] }), want: [] },
    ],
    [
      'an empty group in To',
      { given: buildRawMessage({ to: ['undisclosed-recipients:;'], bcc: ['a@example.com'] }), want: [] },
    ],
    ['an empty Bcc', { given: buildRawMessage({ headers: ['Bcc: '] }), want: [] }],
  ])('%s', (_name, { given, want, raw }) => {
    const violations = checkRawMessage(raw ? btoa(given) : encodeRawData(given), PATH).violations;
    expect(violations.map(shown)).toEqual(want);
  });

  it('points at the header and the address index', () => {
    const [found] = checkRawMessage(
      encodeRawData(buildRawMessage({ to: ['a@example.com', 'b@b\u00fccher.de'] })),
      PATH,
    ).violations;
    expect(found).toMatchObject({
      rule: 'C-MIME6',
      clause: 'address',
      level: 'MUST',
      path: `${PATH}/header/To/1`,
      cause: 'C-ADDR4',
      causeClause: 'main',
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
