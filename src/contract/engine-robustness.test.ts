import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_LEVELS } from './rule-catalog.ts';
import { validateSendBulkEmail } from './validate-send-bulk-email.ts';
import { validateSendEmail } from './validate-send-email.ts';

const SEED = 42;

/** JSON shaped like a request (known member names at every level), so the rules get past the schema. */
const requestish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.constantFrom('a@example.com', 'x@bücher.de', '"q\\"x" <q@xn--zz.com>', 'e30=', '{}', '[]'),
    fc.integer(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'Destination',
        'ToAddresses',
        'Content',
        'Simple',
        'Raw',
        'Data',
        'Template',
        'TemplateData',
        'Headers',
        'Name',
        'Value',
        'Attachments',
        'FileName',
        'RawContent',
        'BulkEmailEntries',
        'DefaultContent',
        'ReplacementEmailContent',
        '__proto__',
        'constructor',
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

describe('the rules engine on arbitrary input', () => {
  it.each([
    ['validateSendEmail', validateSendEmail],
    ['validateSendBulkEmail', validateSendBulkEmail],
  ])('%s never throws and returns well-formed violations', (_name, validate) => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), requestish), fc.boolean(), (body, strict) => {
        const violations = validate(body, { strict });
        for (const v of violations) {
          expect(RULE_LEVELS[v.rule]).toBe(v.level);
          expect(v.path === '' || v.path.startsWith('/')).toBe(true);
          expect(v.message.length).toBeGreaterThan(0);
          if (!strict) expect(v.level).toBe('MUST');
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('does not let __proto__ members pollute objects', () => {
    const body = JSON.parse('{"__proto__":{"polluted":true},"Content":{"__proto__":{"Simple":1}}}');
    const violations = validateSendEmail(body, { strict: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(violations.map((v) => v.rule)).toContain('C-REQ3');
  });
});
