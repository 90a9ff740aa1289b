import { describe, expect, it } from 'vitest';
import { checkInlineTemplateOperations } from './cont13-inline-template-operations.ts';

const PATH = '/Content/Template';
const check = (fields: Record<string, string>) =>
  checkInlineTemplateOperations({ TemplateContent: fields }, PATH);

describe('C-CONT13 inline templates use simple substitution only', () => {
  it.each([
    ['a block helper', '{{#if name}}Hi{{/if}}', 'a block helper'],
    ['an each block', '{{#each items}}x{{/each}}', 'a block helper'],
    ['a lone block end', 'Hi{{/if}}', 'the end of a block'],
    ['an inverted block', '{{^vip}}Hello{{/vip}}', 'an inverted block'],
    ['{{else}}', 'a {{else}} b', '{{else}}'],
    ['{{else}} with white space', 'a {{ else }} b', '{{else}}'],
    ['a partial', '{{> footer}}', 'a partial'],
    ['a comment', 'Hi{{! draft }}', 'a comment'],
    ['a long comment', 'Hi{{!-- draft --}}', 'a comment'],
    ['triple braces', 'Hello {{{name}}}', 'triple braces'],
    ['a block helper with white-space control', '{{~#if name~}}Hi{{~/if~}}', 'a block helper'],
  ])('%s is invalid', (_name, text, what) => {
    const found = check({ Html: text });
    expect(found).toMatchObject([{ rule: 'C-CONT13', level: 'MUST', path: `${PATH}/TemplateContent/Html` }]);
    expect(found[0]?.message).toContain(what);
    expect(found[0]?.message).toContain('Template contains unsupported operations.');
  });

  it('names the first unsupported tag, its position, and how many more there are', () => {
    const [found] = check({ Text: 'Dear {{name}}, {{#if vip}}welcome{{else}}hi{{/if}}' });
    expect(found?.message).toMatch(
      /^a block helper '\{\{#if vip\}\}' at position 16 \(and 2 more unsupported tags\)/,
    );
  });

  it('reports each field that breaks it', () => {
    expect(
      check({ Subject: '{{#if a}}x{{/if}}', Text: 'fine {{a}}', Html: '{{> p}}' }).map((v) => v.path),
    ).toEqual([`${PATH}/TemplateContent/Subject`, `${PATH}/TemplateContent/Html`]);
  });

  it.each([
    'Hello {{name}}',
    'Hello {{ name }}',
    'Hello {{user.name}} ({{first_name}})',
    'Prices in {curly} braces, and {{name}}',
    'An unclosed {{ tag',
    'An escaped \\{{#if}} tag',
  ])('accepts %j (simple substitution; dotted and _ names are OPEN and accepted)', (text) => {
    expect(check({ Subject: text, Text: text, Html: text })).toEqual([]);
  });

  it('does not check stored templates', () => {
    expect(checkInlineTemplateOperations({ TemplateName: 'welcome' }, PATH)).toEqual([]);
  });
});
