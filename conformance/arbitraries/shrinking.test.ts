/**
 * Shrunk counterexamples are what a user reads when an implementation fails, so they must be
 * minimal: one plain recipient, Simple content, no headers, tags or attachments, unless the broken
 * rule is about that very part. Each check runs fast-check the way a run against an implementation
 * that misses the defect would (the property fails on every case of the class) and looks at what
 * it shrinks to, from many seeds, starting from cases that are often big.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import { validateSendBulkEmail } from '../../src/contract/validate-send-bulk-email.ts';
import { validateSendEmail } from '../../src/contract/validate-send-email.ts';
import type { Violation } from '../../src/contract/violation.ts';
import type { InvalidCase } from '../case.ts';
import { invalidSendBulkEmailCases } from './invalid-send-bulk-email.ts';
import { invalidSendEmailCases } from './invalid-send-email.ts';
import { type BulkEmailEntry, type SendBulkEmailBody, validSendBulkEmail } from './send-bulk-email.ts';
import { type SendEmailBody, validSendEmail } from './send-email.ts';
import { shouldSendEmailCases } from './should-cases.ts';

const FROM = 'sender@example.com';
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const PLAIN_ADDRESS = /^[a-z0-9]+@[a-z0-9]+(\.[a-z0-9]+)+$/;

type Shrunk<T> = { first: T; shrunk: T };

/** Runs a property that fails on every case (the implementation misses the defect) and shrinks. */
function shrinkFailing<T>(
  arbitrary: fc.Arbitrary<T>,
  passes: (value: T) => boolean,
  seed: number,
): Shrunk<T> {
  let first: T | undefined;
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      first ??= value;
      return passes(value);
    }),
    { seed },
  );
  if (!details.failed || details.counterexample === null || first === undefined)
    throw new Error(`seed ${seed}: the property did not fail, nothing was shrunk`);
  return { first, shrunk: details.counterexample[0] };
}

const ruleSet = (violations: readonly Violation[]) => [...new Set(violations.map((v) => v.rule))].sort();

function oracle(c: InvalidCase): Violation[] {
  return c.operation === 'send-email'
    ? validateSendEmail(c.body, { strict: true })
    : validateSendBulkEmail(c.body, { strict: true });
}

function recipients(destination: SendEmailBody['Destination']): string[] {
  return [
    ...(destination?.ToAddresses ?? []),
    ...(destination?.CcAddresses ?? []),
    ...(destination?.BccAddresses ?? []),
  ];
}

const json = (value: unknown) => JSON.stringify(value);

/** What every shrunk SendEmail body shares, whatever its class. */
function expectMinimalSendEmail(body: SendEmailBody, rule: RuleId | 'valid'): void {
  const addressRule = rule === 'C-ADDR2';
  expect(body.FromEmailAddress).toBe(addressRule ? body.FromEmailAddress : FROM);
  if (rule === 'C-DEST2') expect(recipients(body.Destination)).toEqual([]);
  else {
    expect(recipients(body.Destination)).toHaveLength(1);
    expect(recipients(body.Destination)[0]).toMatch(PLAIN_ADDRESS);
  }
  expect(body.ReplyToAddresses).toBeUndefined();
  if (rule !== 'C-CONT8') expect(body.EmailTags).toBeUndefined();
  const kinds = Object.keys(body.Content);
  expect(kinds).toEqual([rule === 'C-MIME5' ? 'Raw' : rule === 'C-CONT13' ? 'Template' : 'Simple']);
  const simple = body.Content.Simple;
  if (simple) {
    expect(simple.Headers).toBeUndefined();
    expect(simple.Attachments).toBeUndefined();
    expect(json(simple)).toMatch(/^[\x20-\x7e]*$/);
  }
}

function expectMinimalSendBulkEmail(body: SendBulkEmailBody, rule: RuleId | 'valid'): void {
  expect(body.FromEmailAddress).toBe(FROM);
  expect(body.BulkEmailEntries).toHaveLength(1);
  const entry = body.BulkEmailEntries[0] as BulkEmailEntry;
  expect(recipients(entry.Destination)).toHaveLength(1);
  expect(recipients(entry.Destination)[0]).toMatch(PLAIN_ADDRESS);
  expect(entry.ReplacementTags).toBeUndefined();
  expect(entry.ReplacementHeaders).toBeUndefined();
  if (rule !== 'C-BULK4') expect(entry.ReplacementEmailContent).toBeUndefined();
  if (rule !== 'C-CONT8') expect(body.DefaultEmailTags).toBeUndefined();
  const template = body.DefaultContent.Template;
  expect(Object.keys(template ?? {})).toEqual(['TemplateContent']);
}

/** Every JSON size of a class's cases, first (as generated) and shrunk, for the "was big" checks. */
type Sizes = { first: number[]; shrunk: number[] };

function sizesOf(pairs: ReadonlyArray<Shrunk<unknown>>, body: (v: unknown) => unknown): Sizes {
  return {
    first: pairs.map((p) => json(body(p.first)).length),
    shrunk: pairs.map((p) => json(body(p.shrunk)).length),
  };
}

const sendEmail = invalidSendEmailCases(FROM);
const sendBulkEmail = invalidSendBulkEmailCases(FROM);

/** Rule, catalog entry, JSON bound of the shrunk body. */
const SEND_EMAIL_CLASSES: ReadonlyArray<readonly [RuleId, number]> = [
  ['C-CONT8', 210],
  ['C-ADDR2', 170],
  ['C-CONT13', 260],
  ['C-DEST2', 130],
  ['C-MIME5', 600],
];

describe('shrunk SendEmail counterexamples are minimal', () => {
  it.each(SEND_EMAIL_CLASSES)('%s', (rule, bound) => {
    const arbitrary = sendEmail[rule] as fc.Arbitrary<InvalidCase>;
    const pairs = SEEDS.map((seed) => shrinkFailing(arbitrary, (c) => oracle(c).length === 0, seed));
    for (const { shrunk } of pairs) {
      // Shrinking never trades the defect away, nor adds another.
      expect(ruleSet(oracle(shrunk))).toEqual([...shrunk.reportedAs].sort());
      expectMinimalSendEmail(shrunk.body as SendEmailBody, rule);
    }
    const sizes = sizesOf(pairs, (c) => (c as InvalidCase).body);
    expect(Math.max(...sizes.shrunk)).toBeLessThan(bound);
    // The seeds start from cases bigger than the bound, so the bound is shrinking's doing.
    expect(Math.max(...sizes.first)).toBeGreaterThan(bound);
  });

  it('C-CONT8 keeps only the one bad tag', () => {
    const arbitrary = sendEmail['C-CONT8'] as fc.Arbitrary<InvalidCase>;
    for (const seed of SEEDS) {
      const { shrunk } = shrinkFailing(arbitrary, (c) => oracle(c).length === 0, seed);
      // The plainest clause first: an empty value.
      expect((shrunk.body as SendEmailBody).EmailTags).toEqual([{ Name: 'a', Value: '' }]);
    }
  });

  it('C-ADDR2 puts a short 8-bit local part in From and nothing else odd', () => {
    const arbitrary = sendEmail['C-ADDR2'] as fc.Arbitrary<InvalidCase>;
    for (const seed of SEEDS) {
      const { shrunk } = shrinkFailing(arbitrary, (c) => oracle(c).length === 0, seed);
      expect((shrunk.body as SendEmailBody).FromEmailAddress).toBe('éa@example.com');
    }
  });

  it('C-MIME5 shrinks to a plain message whose only oddity is the repeated header', () => {
    const arbitrary = sendEmail['C-MIME5'] as fc.Arbitrary<InvalidCase>;
    for (const seed of SEEDS) {
      const { shrunk } = shrinkFailing(arbitrary, (c) => oracle(c).length === 0, seed);
      const data = (shrunk.body as SendEmailBody).Content.Raw?.Data ?? '';
      const lines = atob(data).split('\r\n');
      expect(lines.filter((line) => line === 'Subject: Hello')).toHaveLength(2);
      expect(lines).toContain('To: a@a.com');
      expect(lines.some((line) => /^(Cc|Bcc|Sender|Reply-To):/.test(line))).toBe(false);
      expect(lines.filter((line) => line.startsWith('Content-Type:'))).toHaveLength(1);
    }
  });

  it('C-CONT10 (SHOULD) shrinks to the one bad name', () => {
    const arbitrary = shouldSendEmailCases(FROM)['C-CONT10'] as fc.Arbitrary<InvalidCase>;
    for (const seed of SEEDS) {
      const { shrunk } = shrinkFailing(arbitrary, (c) => oracle(c).length === 0, seed);
      expectMinimalSendEmail(shrunk.body as SendEmailBody, 'C-CONT10');
      expect((shrunk.body as SendEmailBody).ConfigurationSetName).toBe('has space');
    }
  });
});

describe('shrunk SendBulkEmail counterexamples are minimal', () => {
  it.each([
    ['C-BULK4', 330],
    ['C-CONT8', 280],
  ] as const)('%s', (rule, bound) => {
    const arbitrary = sendBulkEmail[rule] as fc.Arbitrary<InvalidCase>;
    const pairs = SEEDS.map((seed) => shrinkFailing(arbitrary, (c) => oracle(c).length === 0, seed));
    for (const { shrunk } of pairs) {
      expect(ruleSet(oracle(shrunk))).toEqual([...shrunk.reportedAs].sort());
      expectMinimalSendBulkEmail(shrunk.body as SendBulkEmailBody, rule);
    }
    const sizes = sizesOf(pairs, (c) => (c as InvalidCase).body);
    expect(Math.max(...sizes.shrunk)).toBeLessThan(bound);
    expect(Math.max(...sizes.first)).toBeGreaterThan(bound);
  });

  it('C-BULK4 shrinks to the bad entry alone, and says so', () => {
    const arbitrary = sendBulkEmail['C-BULK4'] as fc.Arbitrary<InvalidCase>;
    for (const seed of SEEDS) {
      const { shrunk } = shrinkFailing(arbitrary, (c) => oracle(c).length === 0, seed);
      expect(shrunk.badEntry).toBe(0);
      const [entry] = (shrunk.body as SendBulkEmailBody).BulkEmailEntries;
      expect(entry?.ReplacementEmailContent).toEqual({
        ReplacementTemplate: { ReplacementTemplateData: '{name: "x"}' },
      });
    }
  });
});

describe('shrunk valid cases are minimal', () => {
  // An implementation that rejects everything: every valid case fails.
  it('send-email', () => {
    const pairs = SEEDS.map((seed) =>
      shrinkFailing(validSendEmail(FROM), (b) => validateSendEmail(b, { strict: true }).length > 0, seed),
    );
    for (const { shrunk } of pairs) {
      expect(validateSendEmail(shrunk, { strict: true })).toEqual([]);
      expectMinimalSendEmail(shrunk, 'valid');
    }
    expect(new Set(pairs.map((p) => json(p.shrunk)))).toEqual(
      new Set([
        json({
          FromEmailAddress: FROM,
          Destination: { ToAddresses: ['a@a.com'] },
          Content: { Simple: { Subject: { Data: 'a' }, Body: { Text: { Data: 'a' } } } },
        }),
      ]),
    );
    expect(Math.max(...sizesOf(pairs, (b) => b).first)).toBeGreaterThan(1000);
  });

  it('send-bulk-email', () => {
    const pairs = SEEDS.map((seed) =>
      shrinkFailing(
        validSendBulkEmail(FROM),
        (b) => validateSendBulkEmail(b, { strict: true }).length > 0,
        seed,
      ),
    );
    for (const { shrunk } of pairs) {
      expect(validateSendBulkEmail(shrunk, { strict: true })).toEqual([]);
      expectMinimalSendBulkEmail(shrunk, 'valid');
      expect(json(shrunk).length).toBeLessThan(230);
    }
    expect(Math.max(...sizesOf(pairs, (b) => b).first)).toBeGreaterThan(1000);
  });
});

describe('the big cases are still generated', () => {
  // Shrinking falls back to the simplest arm; the other arms must still be drawn.
  const sample = fc.sample(validSendEmail(FROM), { numRuns: 300, seed: 42 });

  it.each([
    ['50 recipients', (b: SendEmailBody) => recipients(b.Destination).length === 50],
    ['15 custom headers', (b: SendEmailBody) => b.Content.Simple?.Headers?.length === 15],
    ['raw MIME', (b: SendEmailBody) => b.Content.Raw !== undefined],
    ['a Template', (b: SendEmailBody) => b.Content.Template !== undefined],
    ['an IDN A-label', (b: SendEmailBody) => recipients(b.Destination).some((a) => a.includes('xn--'))],
    ['a quoted local part', (b: SendEmailBody) => recipients(b.Destination).some((a) => a.includes('"'))],
    ['a display name', (b: SendEmailBody) => recipients(b.Destination).some((a) => a.includes('<'))],
    ['non-ASCII text', (b: SendEmailBody) => /[^\x20-\x7e]/.test(json(b.Content.Simple ?? ''))],
  ] as const)('%s', (_, has) => {
    expect(sample.some(has)).toBe(true);
  });
});
