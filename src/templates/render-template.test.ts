/** Rendering as SES does it (reference §7.3; C-CONT13, C-CONT14): inline substitution and stored Handlebars. */
import { describe, expect, it } from 'vitest';
import { renderSendBulkEmail, renderSendEmail } from './render-request.ts';
import { renderTemplate } from './render-template.ts';
import { createTemplateLibrary, TemplateSyntaxError } from './stored-templates.ts';

const welcome = { Subject: 'Hi {{name}}', Html: '{{#if vip}}<b>VIP</b>{{/if}} {{name}}' };
const library = createTemplateLibrary({
  welcome,
  nested: { Subject: 'x={{a.x}} y={{a.y}} items={{list.length}}' },
  each: { Text: '{{#each people}}{{first}};{{/each}}' },
});

function send(template: Record<string, unknown>) {
  return {
    FromEmailAddress: 'sender@example.com',
    Destination: { ToAddresses: ['ann@example.com'] },
    Content: { Template: template },
  };
}

describe('stored templates (Handlebars, no escaping)', () => {
  it('renders welcome with {{#if vip}} and leaves <i>Ann</i> unescaped', () => {
    const rendered = renderSendEmail(
      send({ TemplateName: 'welcome', TemplateData: '{"name":"<i>Ann</i>","vip":true}' }),
      library,
    );
    expect(rendered?.rendering).toEqual({
      status: 'rendered',
      templateName: 'welcome',
      subject: 'Hi <i>Ann</i>',
      html: '<b>VIP</b> <i>Ann</i>',
    });
    expect(rendered?.template).toEqual({ name: 'welcome', data: { name: '<i>Ann</i>', vip: true } });
  });

  it('fails rendering naming the variable when it is missing or null (C-CONT14 as SES does it)', () => {
    for (const data of ['{}', '{"name":null}']) {
      const rendered = renderSendEmail(send({ TemplateName: 'welcome', TemplateData: data }), library);
      expect(rendered?.rendering).toEqual({
        status: 'failed',
        templateName: 'welcome',
        part: 'Subject',
        variable: 'name',
        reason: "Attribute 'name' is not present in the rendering data.",
      });
    }
  });

  it('does not count a variable in a branch not taken, and follows {{#each}} contexts', () => {
    expect(renderTemplate({ TemplateName: 'welcome' }, { name: 'Bo', vip: false }, library)).toMatchObject({
      status: 'rendered',
      html: ' Bo',
    });
    expect(
      renderTemplate({ TemplateName: 'each' }, { people: [{ first: 'A' }, { first: 'B' }] }, library),
    ).toMatchObject({ status: 'rendered', text: 'A;B;' });
    expect(renderTemplate({ TemplateName: 'each' }, { people: [{ first: 'A' }, {}] }, library)).toMatchObject(
      {
        status: 'failed',
        variable: 'first',
      },
    );
  });

  it('names the whole dotted path that has no value', () => {
    expect(renderTemplate({ TemplateName: 'nested' }, { a: { x: 1 }, list: [] }, library)).toMatchObject({
      status: 'failed',
      variable: 'a.y',
    });
  });

  it('selects by the name part of TemplateArn; an unknown name is not-found; no library leaves it unrendered', () => {
    const arn = 'arn:aws:ses:us-east-1:123456789012:template/welcome';
    expect(renderTemplate({ TemplateArn: arn }, { name: 'A' }, library)).toMatchObject({ subject: 'Hi A' });
    expect(renderTemplate({ TemplateName: 'nope' }, {}, library)).toEqual({
      status: 'not-found',
      templateName: 'nope',
    });
    expect(renderTemplate({ TemplateName: 'welcome' }, {}, undefined)).toEqual({
      status: 'unrendered',
      templateName: 'welcome',
    });
  });

  it('refuses a malformed template when the library is made, naming it and the Handlebars message', () => {
    expect(() => createTemplateLibrary({ broken: { Subject: 'Hi {{#if x}}' } })).toThrow(TemplateSyntaxError);
    expect(() => createTemplateLibrary({ broken: { Subject: 'Hi {{#if x}}' } })).toThrow(
      /^template broken \(Subject\): Parse error on line 1: Expecting .*got 'EOF'$/,
    );
    expect(() => createTemplateLibrary({ odd: { Body: 'x' } })).toThrow(
      /template odd: unknown member "Body"/,
    );
    expect(() => createTemplateLibrary({ empty: {} })).toThrow(/template empty: no Subject, Text or Html/);
  });

  it('registers no helpers or partials beyond Handlebars built-ins (an isolated instance)', () => {
    const own = createTemplateLibrary({ p: { Text: '{{> footer}}' }, h: { Text: '{{shout name}}' } });
    expect(renderTemplate({ TemplateName: 'p' }, {}, own)).toMatchObject({ status: 'failed' });
    expect(renderTemplate({ TemplateName: 'h' }, { name: 'a' }, own)).toMatchObject({ status: 'failed' });
  });
});

describe('inline TemplateContent (simple substitution)', () => {
  const inline = {
    TemplateContent: {
      Subject: 'Hi {{name}}',
      Text: '{{name}} has {{count}} items',
      Html: '<p>{{name}}</p>',
    },
  };

  it('substitutes every {{name}} and leaves values unescaped', () => {
    expect(renderTemplate(inline, { name: '<i>Ann</i>', count: 2 }, undefined)).toEqual({
      status: 'rendered',
      subject: 'Hi <i>Ann</i>',
      text: '<i>Ann</i> has 2 items',
      html: '<p><i>Ann</i></p>',
    });
  });

  it('fails on the first variable without a non-null value, as C-CONT14 finds it', () => {
    expect(renderTemplate(inline, { name: 'A', count: null }, undefined)).toEqual({
      status: 'failed',
      part: 'Text',
      variable: 'count',
      reason: "Attribute 'count' is not present in the rendering data.",
    });
  });
});

describe('SendBulkEmail entries', () => {
  it('deep-merges each entry data over the defaults: objects recursively, arrays replaced whole', () => {
    const body = {
      FromEmailAddress: 'sender@example.com',
      DefaultContent: {
        Template: {
          TemplateName: 'nested',
          TemplateData: '{"a":{"x":"defX","y":"defY"},"list":[1,2]}',
          Headers: [
            { Name: 'X-Campaign', Value: 'default' },
            { Name: 'X-Keep', Value: 'k' },
          ],
        },
      },
      DefaultEmailTags: [{ Name: 'kind', Value: 'default' }],
      BulkEmailEntries: [
        {
          Destination: { ToAddresses: ['a@example.com'] },
          ReplacementEmailContent: {
            ReplacementTemplate: { ReplacementTemplateData: '{"a":{"x":"repX"},"list":[3]}' },
          },
          ReplacementHeaders: [{ Name: 'x-campaign', Value: 'entry' }],
          ReplacementTags: [{ Name: 'kind', Value: 'entry' }],
        },
        { Destination: { ToAddresses: ['b@example.com'] } },
      ],
    };
    const [first, second] = renderSendBulkEmail(body, library);
    expect(first?.rendering).toMatchObject({ status: 'rendered', subject: 'x=repX y=defY items=1' });
    expect(first?.template.data).toEqual({ a: { x: 'repX', y: 'defY' }, list: [3] });
    expect(first?.headers).toEqual([
      { name: 'X-Keep', value: 'k' },
      { name: 'x-campaign', value: 'entry' },
    ]);
    expect(first?.tags).toEqual([{ name: 'kind', value: 'entry' }]);
    expect(first?.to).toEqual(['a@example.com']);
    expect(second?.rendering).toMatchObject({ subject: 'x=defX y=defY items=2' });
    expect(second?.tags).toEqual([{ name: 'kind', value: 'default' }]);
    expect(second?.entry).toBe(1);
  });
});
