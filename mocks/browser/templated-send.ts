/**
 * The stored-template send of the browser test, shared by the page (rendered by MSW's handlers in
 * the service worker) and the test (rendered by the node mock) so both render the same thing.
 */
export const WELCOME_TEMPLATE = { Subject: 'Hi {{name}}', Html: '{{#if vip}}<b>VIP</b>{{/if}} {{name}}' };

export const TEMPLATED_SEND = {
  FromEmailAddress: 'sender@example.com',
  Destination: { ToAddresses: ['=?UTF-8?B?Wm/Dqw==?= <zoe@example.org>'] },
  Content: { Template: { TemplateName: 'welcome', TemplateData: '{"name":"<i>Ann</i>","vip":true}' } },
};

/** What the test compares: the rendering, not the ids. */
export function renderedView(
  message: { subject?: string; html?: string; template?: unknown; events?: unknown } | undefined,
) {
  return {
    subject: message?.subject,
    html: message?.html,
    template: message?.template,
    events: message?.events,
  };
}
