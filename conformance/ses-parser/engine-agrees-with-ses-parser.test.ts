/**
 * The engine's address checks (`checkAddress`, RULES.md section 2) against SES's own parser
 * (reference §7.1), in default mode (MUST clauses) and strict mode (MUST and SHOULD). Every
 * disagreement must have a reason listed below, each resting on RULES.md: a MUST whose evidence is
 * the AWS documentation, not the parser; a SHOULD clause the parser does not check; an OPEN case;
 * a project decision of section 10. Anything else fails, with examples. The agreement figures are
 * printed in a short summary.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAddress } from '../../src/contract/address/check-address.ts';
import type { Violation } from '../../src/contract/violation.ts';
import { MUST_ADDRESS_KINDS, nameAddr, SHOULD_ADDRESS_KINDS, validAddress } from '../arbitraries/address.ts';
import { rawUnicodeDisplayName } from '../arbitraries/display-name.ts';
import { dotAtomLocalPart } from '../arbitraries/local-part.ts';
import { nearMissAddress } from './near-miss-addresses.ts';
import { type ParserResult, SesParser } from './ses-parser.ts';

const SEED = 42;
const MIN_ADDRESSES = 10_000;

type Mode = 'default' | 'strict';
/** `engine`: the engine refuses what the parser accepts; `parser`: the other way round. */
type Stricter = 'engine' | 'parser';
type Checked = { value: string; parser: ParserResult; engine: readonly Violation[] };
type Disagreement = Checked & { mode: Mode; stricter: Stricter };

/**
 * The addr-spec of a value as written: between the first `<` and the last `>` outside
 * quoted-strings when there are both, else the whole value. Rough on purpose (it only has to find
 * the local part of values one edit away from an address), but a `<` inside quotes is no bracket.
 */
function addrSpecOf(value: string): string {
  let open = -1;
  let close = -1;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '<' && open === -1) open = i;
    else if (!quoted && c === '>') close = i;
  }
  return open !== -1 && close > open ? value.slice(open + 1, close) : value;
}

function localPartOf(value: string): string {
  const spec = addrSpecOf(value);
  const at = spec.lastIndexOf('@');
  return at === -1 ? spec : spec.slice(0, at);
}

function refusing(engine: readonly Violation[], mode: Mode): Violation[] {
  return engine.filter((v) => v.level === 'MUST' || (mode === 'strict' && v.level === 'SHOULD'));
}

/**
 * The MUST violations behind a disagreement. In strict mode the SHOULD ones beside them need no
 * reason of their own: SES's parser checks no SHOULD clause.
 */
function mustClauses(d: Disagreement): Violation[] {
  return refusing(d.engine, 'default');
}

/** The engine alone refuses, and every MUST violation it gives is of `rule`. */
function onlyMust(d: Disagreement, rule: Violation['rule']): boolean {
  const must = mustClauses(d);
  return d.stricter === 'engine' && must.length > 0 && must.every((v) => v.rule === rule);
}

/**
 * Known, explained disagreements. `id` is what the summary counts; `reason` says why the two
 * results may differ, citing RULES.md.
 */
const KNOWN_DISAGREEMENTS: ReadonlyArray<{
  id: string;
  reason: string;
  explains: (d: Disagreement) => boolean;
}> = [
  {
    id: 'C-ADDR5.labels single label (doc)',
    reason:
      'RULES.md §2 C-ADDR5 MUST [doc]: the AWS documentation asks for Domain.TopLevelDomain; SES’s parser accepts a@localhost',
    explains: (d) =>
      onlyMust(d, 'C-ADDR5') &&
      mustClauses(d).every((v) => v.clause === 'labels') &&
      !addrSpecOf(d.value)
        .slice(addrSpecOf(d.value).lastIndexOf('@') + 1)
        .includes('.'),
  },
  {
    id: 'SHOULD clause (rfc)',
    reason:
      'RULES.md §2: C-ADDR1.control, C-ADDR3, C-ADDR5.label-shape, C-ADDR6 and C-ADDR7 are SHOULD [rfc]; SES’s parser checks none of them (reference §7.1)',
    explains: (d) =>
      d.mode === 'strict' &&
      d.stricter === 'engine' &&
      refusing(d.engine, 'default').length === 0 &&
      refusing(d.engine, 'strict').length > 0,
  },
  {
    id: 'C-ADDR1.control CR/LF/NUL (SHOULD)',
    reason:
      'RULES.md §2 C-ADDR1 SHOULD [rfc]: SES’s parser folds CR/LF into white space and what SES does with them is not observed, so a value holding CR, LF or NUL is checked by the SHOULD clause alone',
    // Seen: a quoted local part with LF not followed by white space, which the parser refuses
    // ("Quoted local address contains newline without whitespace") and the engine calls SHOULD.
    explains: (d) => d.stricter === 'parser' && ['\r', '\n', '\u0000'].some((c) => d.value.includes(c)),
  },
  {
    id: 'C-ADDR2 OPEN: quoted local part ending in an escaped backslash',
    reason:
      'RULES.md §2 C-ADDR2 OPEN: SES’s parser wrongly refuses "a\\\\"@example.com ("Unterminated quote"); never generated either way',
    explains: (d) =>
      d.stricter === 'parser' &&
      d.parser.accepted === false &&
      d.parser.reason === 'Unterminated quote' &&
      /^"(?:[^"\\]|\\.)*\\\\"$/.test(localPartOf(d.value)),
  },
  {
    id: 'C-ADDR2 OPEN: backslash in an unquoted local part',
    reason:
      'RULES.md §2 C-ADDR2 OPEN: SES’s parser accepts a\\b@example.com (the backslash escapes the next character); never generated either way',
    // The engine cannot violate an OPEN clause, so only SES's parser can be the stricter here.
    explains: (d) =>
      d.stricter === 'parser' && !localPartOf(d.value).startsWith('"') && localPartOf(d.value).includes('\\'),
  },
  {
    id: 'C-ADDR9 OPEN, rejected by the project',
    reason:
      'RULES.md §10: domain literals, comments, source routes, obsolete syntax and IP-address domains (C-ADDR9, OPEN) are reported under C-ADDR1 naming C-ADDR9; SES’s parser accepts several',
    explains: (d) => onlyMust(d, 'C-ADDR1') && mustClauses(d).every((v) => v.message.includes('C-ADDR9')),
  },
];

/**
 * Disagreements RULES.md does not settle yet: the engine refuses at MUST level what SES's parser
 * accepts, with no other evidence (reported to the lead, issue 13). The conformance suite
 * generates none of them, so no implementation is blamed for them; they are listed, and counted,
 * so nothing else slips through. Each should move to a RULES.md level (SHOULD [rfc] or OPEN) or
 * the engine should follow the parser.
 */
const UNSETTLED_DISAGREEMENTS: typeof KNOWN_DISAGREEMENTS = [
  {
    id: 'empty list member',
    reason:
      'SES’s parser skips an empty member before a comma or semicolon, or after a comma (`;a@example.com`, `a@example.com,`); the engine says C-ADDR1',
    explains: (d) => onlyMust(d, 'C-ADDR1') && /^[\s,;]*[,;]|,[\s,]*$/.test(d.value),
  },
  {
    id: 'text after the closing >',
    reason:
      'SES’s parser ignores anything after the angle-addr (`Bob <a@example.com> x`); the engine says C-ADDR1',
    explains: (d) => onlyMust(d, 'C-ADDR1') && /^[^<>]*<[^<>]*>[^<>]*\S[^<>]*$/s.test(d.value.trim()),
  },
  {
    id: '@ [ ] unquoted in a display name',
    reason:
      'RULES.md C-ADDR1 lists `@ [ ]` among the specials a display name may not hold unquoted, tagged [parser, obs], but SES’s parser accepts them there (`Bob] <a@example.com>`)',
    explains: (d) =>
      onlyMust(d, 'C-ADDR1') && /[@[\]]/.test(d.value.slice(0, Math.max(0, d.value.lastIndexOf('<')))),
  },
  {
    id: '] ending the domain',
    reason:
      'SES’s parser takes a `]` at the very end of the domain as the end of a domain literal and accepts `a@example.com]`; the engine says C-ADDR5',
    explains: (d) => onlyMust(d, 'C-ADDR5') && /\]>?$/.test(d.value.trim()),
  },
  {
    id: 'control or 8-bit character in a quoted local part',
    reason:
      'RULES.md C-ADDR2 asks for printable ASCII in a quoted local part, but SES’s parser (before 1.6 too) does not look inside quotes: `"a\u0001b"@example.com`, a tab, DEL, `"\u00e9"@example.com`',
    explains: (d) => {
      const local = localPartOf(d.value);
      return (
        onlyMust(d, 'C-ADDR2') && local.startsWith('"') && [...local].some((c) => c < ' ' || c >= '\u007f')
      );
    },
  },
];

const SHOULD_REASON = KNOWN_DISAGREEMENTS.find((k) => k.id === 'SHOULD clause (rfc)');

let parser: SesParser;
beforeAll(async () => {
  parser = await SesParser.start();
});
afterAll(() => parser?.close());

const EDGE_CASES = [
  'a@localhost',
  '"a\\\\"@example.com',
  'a\\b@example.com',
  'Bob (comment) <a@example.com>',
  'a@[192.0.2.1]',
  'a@192.0.2.1',
  'a@example.com\r\n',
  'Bob\r\n Smith <a@example.com>',
  'Zoë <a@example.com>',
  'a@-example.com',
  'a@xn--zz.com',
];

function population(): string[] {
  const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number) =>
    fc.sample(arbitrary, { numRuns, seed: SEED });
  const values = [
    ...EDGE_CASES,
    ...sample(validAddress, 2000),
    ...[...MUST_ADDRESS_KINDS, ...SHOULD_ADDRESS_KINDS].flatMap((k) => sample(k.addresses, 150)),
    // C-ADDR8 ADVISE: SES accepts a raw non-ASCII display name; the engine only advises.
    ...sample(
      fc.tuple(rawUnicodeDisplayName, dotAtomLocalPart).map(([n, l]) => nameAddr(n, `${l}@example.com`)),
      300,
    ),
    ...sample(nearMissAddress, 9000),
  ];
  return [...new Set(values)];
}

describe('engine address checks vs SES’s parser (c)', () => {
  it(`agree on ${MIN_ADDRESSES}+ addresses except for the listed reasons, in default and strict mode`, async () => {
    const values = population();
    expect(values.length).toBeGreaterThanOrEqual(MIN_ADDRESSES);
    const answers = await parser.parse(values);
    const checked: Checked[] = values.map((value, i) => ({
      value,
      parser: answers[i] as ParserResult,
      engine: checkAddress(value, ''),
    }));

    const summary: string[] = [];
    const unexplained: string[] = [];
    for (const mode of ['default', 'strict'] as const) {
      const byReason = new Map<string, number>();
      let agree = 0;
      for (const j of checked) {
        const engineAccepts = refusing(j.engine, mode).length === 0;
        if (engineAccepts === j.parser.accepted) {
          agree++;
          continue;
        }
        const d: Disagreement = { ...j, mode, stricter: engineAccepts ? 'parser' : 'engine' };
        const known = KNOWN_DISAGREEMENTS.find((k) => k.explains(d));
        const unsettled = known ? undefined : UNSETTLED_DISAGREEMENTS.find((k) => k.explains(d));
        if (known) {
          // The SHOULD reason is counted per clause: the figures then say which checks SES lacks.
          const clauses = refusing(j.engine, mode).map((v) => `${v.rule}.${v.clause}`);
          const id = known === SHOULD_REASON ? `${known.id} ${[...new Set(clauses)].join('+')}` : known.id;
          byReason.set(id, (byReason.get(id) ?? 0) + 1);
        } else if (unsettled) {
          const id = `UNSETTLED ${unsettled.id}`;
          byReason.set(id, (byReason.get(id) ?? 0) + 1);
        } else {
          const engineSays = refusing(j.engine, mode).map((v) => `${v.rule}.${v.clause}: ${v.message}`);
          const parserSays = j.parser.accepted ? 'accepts' : `refuses: ${j.parser.reason}`;
          unexplained.push(
            `${mode} ${JSON.stringify(j.value)}: parser ${parserSays}; engine ${engineSays.join('; ') || 'accepts'}`,
          );
        }
      }
      const pct = ((100 * agree) / checked.length).toFixed(2);
      const reasons = [...byReason].map(([id, n]) => `${id} ${n}`).join(', ');
      summary.push(`${mode}: agree ${agree}/${checked.length} (${pct}%); disagree: ${reasons || 'none'}`);
    }
    console.log(`SES parser (c): ${checked.length} distinct addresses\n  ${summary.join('\n  ')}`);
    expect(
      unexplained,
      `unexplained disagreements, e.g.:\n${unexplained.slice(0, 15).join('\n')}`,
    ).toHaveLength(0);
  });
});
