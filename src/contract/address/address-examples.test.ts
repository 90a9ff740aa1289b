/**
 * The address examples in src/contract/examples (valid/address-…json and the C-ADDR folders): each valid
 * one has no address defect but the advice it declares (C-ADDR8), and each invalid one has exactly
 * one address field that breaks exactly one clause of the rule its folder names. Every MUST and
 * SHOULD clause of C-ADDR1–7 has at least two invalid examples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rule-registry.ts';
import { pointer } from '../violation.ts';
import { checkAddress } from './check-address.ts';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

type SendEmailBody = {
  FromEmailAddress?: string;
  ReplyToAddresses?: string[];
  FeedbackForwardingEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  Content?: { Simple?: unknown };
};
type ExampleFile = { operation: string; description: string; advice?: string[]; body: SendEmailBody };

function load(folder: string, filter: (name: string) => boolean): [string, ExampleFile][] {
  return readdirSync(join(EXAMPLES, folder))
    .filter((name) => name.endsWith('.json') && filter(name))
    .sort()
    .map((name) => [
      `${folder}/${name}`,
      JSON.parse(readFileSync(join(EXAMPLES, folder, name), 'utf8')) as ExampleFile,
    ]);
}

function addressFields(body: SendEmailBody): [string, string][] {
  const fields: [string, string][] = [];
  if (body.FromEmailAddress !== undefined) fields.push([pointer('FromEmailAddress'), body.FromEmailAddress]);
  if (body.FeedbackForwardingEmailAddress !== undefined) {
    fields.push([pointer('FeedbackForwardingEmailAddress'), body.FeedbackForwardingEmailAddress]);
  }
  for (const [i, a] of (body.ReplyToAddresses ?? []).entries())
    fields.push([pointer('ReplyToAddresses', i), a]);
  for (const list of ['ToAddresses', 'CcAddresses', 'BccAddresses'] as const) {
    for (const [i, a] of (body.Destination?.[list] ?? []).entries())
      fields.push([pointer('Destination', list, i), a]);
  }
  return fields;
}

const valid = load('valid', (name) => name.startsWith('address-'));
const ruleFolders = readdirSync(EXAMPLES).filter((name) => /^C-ADDR\d+$/.test(name));
const invalid = ruleFolders.flatMap((rule) =>
  load(rule, () => true).map(([name, ex]) => [name, ex, rule] as const),
);

const findings = (example: ExampleFile) =>
  addressFields(example.body).flatMap(([path, value]) => checkAddress(value, path));

describe('address examples', () => {
  it('cover every MUST and SHOULD clause of C-ADDR1–7 twice, and there are at least 3 valid ones', () => {
    expect(ruleFolders.sort()).toEqual([
      'C-ADDR1',
      'C-ADDR2',
      'C-ADDR3',
      'C-ADDR4',
      'C-ADDR5',
      'C-ADDR6',
      'C-ADDR7',
    ]);
    const counts = new Map<string, number>();
    for (const [, example] of invalid) {
      for (const v of findings(example))
        counts.set(`${v.rule}.${v.clause}`, (counts.get(`${v.rule}.${v.clause}`) ?? 0) + 1);
    }
    const thin = Object.entries(RULES)
      .filter(([id]) => /^C-ADDR[1-7]$/.test(id))
      .flatMap(([id, entry]) =>
        Object.entries(entry.clauses)
          .filter(([, clause]) => clause.level === 'MUST' || clause.level === 'SHOULD')
          .map(([name]) => `${id}.${name}`),
      )
      .filter((ref) => (counts.get(ref) ?? 0) < 2);
    expect(thin).toEqual([]);
    expect(valid.length).toBeGreaterThanOrEqual(3);
  });

  it.each(valid)('%s has no address defect, only the advice it declares', (_, example) => {
    expect(example.operation).toBe('send-email');
    expect(example.description).toMatch(/^[^\n]+$/);
    expect(example.body.Content?.Simple).toBeDefined();
    const found = findings(example);
    expect(found.filter((v) => v.level !== 'ADVISE')).toEqual([]);
    expect([...new Set(found.map((v) => v.rule))]).toEqual(example.advice ?? []);
  });

  it.each(invalid)('%s breaks only one clause of its rule, in one field', (_, example, rule) => {
    expect(example.operation).toBe('send-email');
    expect(example.description).toMatch(/^[^\n]+$/);
    expect(example.advice).toBeUndefined();
    const found = findings(example);
    expect(found.map((v) => v.rule)).toEqual([rule]);
    expect(found[0]?.level).not.toBe('ADVISE');
  });
});
