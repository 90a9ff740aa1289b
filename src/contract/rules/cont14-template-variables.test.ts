import { describe, expect, it } from 'vitest';
import { checkTemplateVariables, mergeTemplateData, parseTemplateData } from './cont14-template-variables.ts';

const PATH = '/Content/Template';
const template = (fields: Record<string, string>) => ({ TemplateContent: fields });

describe('C-CONT14 every inline template variable has a value (ADVISE)', () => {
  it('advises on a variable the data lacks, at the first field that uses it', () => {
    const found = checkTemplateVariables(
      template({ Subject: 'Hi', Text: 'Dear {{name}}', Html: '{{name}}' }),
      PATH,
      [{ data: { team: 'ops' } }],
    );
    expect(found).toMatchObject([
      { rule: 'C-CONT14', level: 'ADVISE', path: `${PATH}/TemplateContent/Text` },
    ]);
    expect(found[0]?.message).toContain('{{name}} has no value in the template data');
    expect(found[0]?.message).toContain('Rendering Failure');
  });

  it.each([
    ['a null value', { name: null }, 1],
    ['a missing key', {}, 1],
    ['a present value', { name: 'Alice' }, 0],
    ['an empty string (a value)', { name: '' }, 0],
    ['zero (a value)', { name: 0 }, 0],
  ])('%s', (_name, data, advice) => {
    expect(checkTemplateVariables(template({ Text: '{{name}}' }), PATH, [{ data }])).toHaveLength(advice);
  });

  it('looks dotted names up in nested objects', () => {
    const t = template({ Text: '{{user.name}} {{user.city}}' });
    const found = checkTemplateVariables(t, PATH, [{ data: { user: { name: 'A' } } }]);
    expect(found.map((v) => v.message)).toEqual([expect.stringContaining('{{user.city}}')]);
  });

  it('names the bulk entries whose merged data lacks the variable', () => {
    const found = checkTemplateVariables(template({ Subject: 'Hi {{name}}' }), '/DefaultContent/Template', [
      { data: { name: 'x' }, entry: 0 },
      { data: {}, entry: 1 },
      { data: { name: null }, entry: 2 },
      { data: undefined, entry: 3 },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('entries 2, 3');
  });

  it('checks nothing when the data is not a JSON object (C-CONT7 says so) or the template is stored', () => {
    expect(checkTemplateVariables(template({ Text: '{{a}}' }), PATH, [{ data: undefined }])).toEqual([]);
    expect(checkTemplateVariables({ TemplateName: 'x' }, PATH, [{ data: {} }])).toEqual([]);
  });

  it('ignores block helpers and other expressions (C-CONT13 reports them)', () => {
    expect(
      checkTemplateVariables(template({ Text: '{{#if a}}{{/if}} {{{b}}} {{helper c}}' }), PATH, [
        { data: {} },
      ]),
    ).toEqual([]);
  });
});

describe('bulk template data (reference §7.3)', () => {
  it('merges objects recursively; replacement keys win; arrays and scalars are replaced whole', () => {
    expect(
      mergeTemplateData(
        { a: 1, user: { name: 'd', city: 'Oslo', tags: [1, 2] }, list: [1, 2], keep: 'k' },
        { a: 2, user: { city: 'Bergen', tags: [3] }, list: [9], extra: null },
      ),
    ).toEqual({ a: 2, user: { name: 'd', city: 'Bergen', tags: [3] }, list: [9], keep: 'k', extra: null });
  });

  it('replaces an object by a scalar and a scalar by an object', () => {
    expect(mergeTemplateData({ a: { b: 1 }, c: 1 }, { a: 'x', c: { d: 2 } })).toEqual({
      a: 'x',
      c: { d: 2 },
    });
  });

  it('reads TemplateData: absent is empty data, anything but a JSON object is unreadable', () => {
    expect(parseTemplateData(undefined)).toEqual({});
    expect(parseTemplateData('{"a":1}')).toEqual({ a: 1 });
    expect(parseTemplateData('[1]')).toBeUndefined();
    expect(parseTemplateData('{')).toBeUndefined();
  });
});
