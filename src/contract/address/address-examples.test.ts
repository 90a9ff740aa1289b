/**
 * The address examples in src/contract/examples (valid/address-…json and the C-ADDR folders): each valid
 * one has no address defect, and each invalid one has exactly one address field that breaks
 * exactly the rule its folder names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
type ExampleFile = { operation: string; description: string; body: SendEmailBody };

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

describe('address examples', () => {
  it('cover every address rule but the OPEN C-ADDR9, at least 2 each, and at least 3 valid ones', () => {
    expect(ruleFolders.sort()).toEqual([
      'C-ADDR1',
      'C-ADDR2',
      'C-ADDR3',
      'C-ADDR4',
      'C-ADDR5',
      'C-ADDR6',
      'C-ADDR7',
      'C-ADDR8',
    ]);
    for (const rule of ruleFolders)
      expect(invalid.filter(([, , r]) => r === rule).length).toBeGreaterThanOrEqual(2);
    expect(valid.length).toBeGreaterThanOrEqual(3);
  });

  it.each(valid)('%s has no address defect', (_, example) => {
    expect(example.operation).toBe('send-email');
    expect(example.description).toMatch(/^[^\n]+$/);
    expect(example.body.Content?.Simple).toBeDefined();
    expect(addressFields(example.body).flatMap(([path, value]) => checkAddress(value, path))).toEqual([]);
  });

  it.each(invalid)('%s breaks only its rule, in one field', (_, example, rule) => {
    expect(example.operation).toBe('send-email');
    expect(example.description).toMatch(/^[^\n]+$/);
    const violations = addressFields(example.body).flatMap(([path, value]) => checkAddress(value, path));
    expect(violations.map((v) => v.rule)).toEqual([rule]);
  });
});
