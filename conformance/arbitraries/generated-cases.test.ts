/**
 * The generators keep the invariant of RULES.md: a valid case breaks nothing (strict) and draws no
 * advice (an ADVISE finding may be accepted or rejected, so it is never in a case); an invalid case
 * breaks exactly the clause it is meant to, in the place it is meant to, by the rules engine's own
 * result, in default and strict mode alike. Every MUST and SHOULD cell of the rule registry has a
 * generator. Shrinking starts from the same generators, so it keeps the invariant too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Place, placeOf, RULES } from '../../src/contract/rule-registry.ts';
import { checkSendBulkEmail, validateSendBulkEmail } from '../../src/contract/validate-send-bulk-email.ts';
import { checkSendEmail, validateSendEmail } from '../../src/contract/validate-send-email.ts';
import type { CheckResult } from '../../src/contract/validation-options.ts';
import type { Violation } from '../../src/contract/violation.ts';
import type { InvalidCase } from '../case.ts';
import type { InvalidCell } from './invalid-cell.ts';
import { sendBulkEmailCells } from './invalid-send-bulk-email.ts';
import { invalidSendEmailCases, sendEmailCells } from './invalid-send-email.ts';
import { MAX_RAW_DATA_CHARS, oversizedRawData } from './oversized-raw-data.ts';
import { type SendBulkEmailBody, validSendBulkEmail } from './send-bulk-email.ts';
import { type SendEmailBody, validSendEmail } from './send-email.ts';

const FROM = 'sender@example.com';
const HEAVY = Number(process.env.SES_CONTRACT_HEAVY);
const RUNS = HEAVY ? 500 : 60;
const CELL_RUNS = HEAVY ? 200 : 15;

function check(c: InvalidCase, strict: boolean): CheckResult {
  return c.operation === 'send-email'
    ? checkSendEmail(c.body, { strict })
    : checkSendBulkEmail(c.body, { strict });
}

const ruleSet = (violations: readonly Violation[]) => [...new Set(violations.map((v) => v.rule))].sort();

describe('valid generators', () => {
  it.each([
    ['send-email', checkSendEmail, validSendEmail(FROM)],
    ['send-bulk-email', checkSendBulkEmail, validSendBulkEmail(FROM)],
  ] as const)('every %s case passes the strict engine and draws no advice', (_, checkBody, arbitrary) => {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<unknown>, (body) => {
        expect(checkBody(body, { strict: true })).toEqual({ violations: [], advice: [] });
      }),
      { numRuns: RUNS * 2, seed: 42 },
    );
  });

  it('is deterministic for a seed', () => {
    const a = fc.sample(validSendEmail(FROM), { numRuns: 5, seed: 7 });
    const b = fc.sample(validSendEmail(FROM), { numRuns: 5, seed: 7 });
    expect(a).toEqual(b);
  });

  // Valid cases cover every place too: a check that blames a correct server is the worst bug.
  const raw = (b: SendEmailBody) => (b.Content.Raw ? atob(b.Content.Raw.Data) : '');
  const headerCount = (b: SendEmailBody) =>
    raw(b)
      .split('\r\n\r\n')[0]
      ?.split('\r\n')
      .filter((l) => /^(To|Cc|Bcc):/.test(l))
      .reduce((n, l) => n + l.split(',').length, 0) ?? 0;
  const emails = fc.sample(validSendEmail(FROM), { numRuns: 400, seed: 42 });
  const bulks = fc.sample(validSendBulkEmail(FROM), { numRuns: 200, seed: 42 });
  it.each([
    [
      'raw MIME without Destination',
      (b: SendEmailBody) => b.Content.Raw !== undefined && b.Destination === undefined,
    ],
    [
      '50 recipients in raw headers only',
      (b: SendEmailBody) => b.Destination === undefined && headerCount(b) === 50,
    ],
    ['a raw Bcc header', (b: SendEmailBody) => /\r\nBcc: /.test(raw(b))],
    ['a raw Sender header', (b: SendEmailBody) => /\r\nSender: /.test(raw(b))],
    ['a raw Reply-To header', (b: SendEmailBody) => /\r\nReply-To: /.test(raw(b))],
    ['FeedbackForwardingEmailAddress', (b: SendEmailBody) => b.FeedbackForwardingEmailAddress !== undefined],
    [
      'a ses:feedback-id tag',
      (b: SendEmailBody) => (b.EmailTags ?? []).some((t) => t.Name.startsWith('ses:')),
    ],
    ['a 255-character tag', (b: SendEmailBody) => (b.EmailTags ?? []).some((t) => t.Value.length === 255)],
    [
      'an 870-character header value',
      (b: SendEmailBody) => JSON.stringify(b.Content).includes(`"${'v'.repeat(870)}"`),
    ],
    [
      'a template variable',
      (b: SendEmailBody) => /\{\{[a-zA-Z0-9]+\}\}/.test(b.Content.Template?.TemplateContent?.Subject ?? ''),
    ],
  ] as const)('send-email: %s', (_, has) => {
    expect(emails.some(has)).toBe(true);
  });
  it.each([
    ['ReplyToAddresses', (b: SendBulkEmailBody) => b.ReplyToAddresses !== undefined],
    [
      'FeedbackForwardingEmailAddress',
      (b: SendBulkEmailBody) => b.FeedbackForwardingEmailAddress !== undefined,
    ],
    [
      'replacement data for a template variable',
      (b: SendBulkEmailBody) =>
        b.BulkEmailEntries.some((e) =>
          /"(name|city|orderId|plan2)"/.test(
            e.ReplacementEmailContent?.ReplacementTemplate?.ReplacementTemplateData ?? '',
          ),
        ),
    ],
  ] as const)('send-bulk-email: %s', (_, has) => {
    expect(bulks.some(has)).toBe(true);
  });
});

const cells: ReadonlyArray<InvalidCell> = [...sendEmailCells(FROM), ...sendBulkEmailCells(FROM)];

describe('every MUST and SHOULD cell of the registry has a generator', () => {
  const wanted = Object.entries(RULES).flatMap(([rule, entry]) =>
    Object.entries(entry.clauses as Record<string, { level: string; places: readonly Place[] }>)
      .filter(([, c]) => c.level === 'MUST' || c.level === 'SHOULD')
      .flatMap(([clause, c]) => c.places.map((place) => `${rule}.${clause} @ ${place}`)),
  );
  const generated = new Set(cells.map((c) => `${c.rule}.${c.clause} @ ${c.place}`));
  it('no cell is missing', () => {
    expect(wanted.filter((w) => !generated.has(w))).toEqual([]);
  });
  it('no generator claims a cell the registry does not list', () => {
    expect([...generated].filter((g) => !wanted.includes(g))).toEqual([]);
  });
});

/** Does this violation belong to the cell: its rule (or cause) and clause, at or under its place? */
function inCell(v: Violation, c: InvalidCell, operation: InvalidCase['operation']): boolean {
  if (!placeOf(operation, v.path, [c.place])) return false;
  if (v.rule === c.rule) return v.clause === c.clause;
  if (v.cause === c.rule) return v.causeClause === c.clause;
  // C-DEST3 is reported under the address rule the bad recipient breaks, at the recipient's place.
  return c.rule === 'C-DEST3';
}

describe.each(
  cells.filter((c) => c.rule !== 'C-MIME9').map((c) => [`${c.rule}.${c.clause} @ ${c.place}`, c] as const),
)('%s', (_, c) => {
  it('the engine reports exactly that rule, in that place and clause', () => {
    fc.assert(
      fc.property(c.cases, (k) => {
        // Malformed JSON and media types are about the bytes and headers, which the engine never sees.
        if (k.text !== undefined || k.contentType !== undefined) return;
        const strict = check(k, true).violations;
        const found = strict
          .map((v) => `${v.rule}.${v.clause} (${v.cause ?? ''}.${v.causeClause ?? ''}) ${v.path}`)
          .join('; ');
        expect(ruleSet(strict), found).toEqual([...k.reportedAs].sort());
        expect(
          strict.some((v) => inCell(v, c, k.operation)),
          found,
        ).toBe(true);
        // A SHOULD case is valid to a default (non-strict) run; a MUST case is invalid in both.
        expect(ruleSet(check(k, false).violations)).toEqual(
          c.level === 'SHOULD' ? [] : [...k.reportedAs].sort(),
        );
      }),
      { numRuns: CELL_RUNS, seed: 42 },
    );
  });
});

describe('shrinking keeps the defect', () => {
  it('a shrunk invalid case still breaks its rule', () => {
    const arbitrary = invalidSendEmailCases(FROM)['C-ADDR4'] as fc.Arbitrary<InvalidCase>;
    // A property that fails on every case: fast-check shrinks all the way down.
    const details = fc.check(
      fc.property(arbitrary, () => false),
      { seed: 1 },
    );
    const shrunk = details.counterexample?.[0] as InvalidCase;
    expect(ruleSet(validateSendEmail(shrunk.body, { strict: true }))).toEqual(['C-ADDR4']);
    expect(JSON.stringify(shrunk.body).length).toBeLessThan(400);
  });
});

describe('C-MIME9', () => {
  it('the oversized message is just over the limit and breaks only C-MIME9', () => {
    const data = oversizedRawData(FROM);
    expect(data.length).toBeGreaterThan(MAX_RAW_DATA_CHARS);
    expect(data.length).toBeLessThan(MAX_RAW_DATA_CHARS + 200);
    const body = {
      FromEmailAddress: FROM,
      Destination: { ToAddresses: ['a@example.com'] },
      Content: { Raw: { Data: data } },
    };
    expect(ruleSet(validateSendEmail(body, { strict: true }))).toEqual(['C-MIME9']);
    expect(validateSendBulkEmail).toBeTypeOf('function');
  });
});
