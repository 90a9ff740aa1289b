import { describe, expect, it } from 'vitest';
import { checkFromAddressPresent } from './req4-from-address.ts';

const simple = { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } };
const template = { Template: { TemplateName: 'welcome' } };
const raw = { Raw: { Data: 'RnJvbTogYUBleGFtcGxlLmNvbQ0KDQp4' } };

describe('C-REQ4 FromEmailAddress for Simple, Template and bulk', () => {
  it.each([
    ['Simple content', simple],
    ['Template content', template],
  ])('%s without FromEmailAddress is invalid', (_name, Content) => {
    expect(checkFromAddressPresent({ Content }, 'send-email')).toMatchObject([
      { rule: 'C-REQ4', level: 'MUST', path: `/Content/${Object.keys(Content)[0]}` },
    ]);
  });

  it('SendBulkEmail without FromEmailAddress is invalid', () => {
    const found = checkFromAddressPresent(
      { DefaultContent: { Template: { TemplateName: 'w' } } },
      'send-bulk-email',
    );
    expect(found).toMatchObject([{ rule: 'C-REQ4', path: '/FromEmailAddress' }]);
    expect(found[0]?.message).toContain('Source cannot be empty');
  });

  it('an identity ARN does not stand in for the address', () => {
    const body = {
      FromEmailAddressIdentityArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
      Content: simple,
    };
    expect(checkFromAddressPresent(body, 'send-email')).toHaveLength(1);
  });

  it.each([
    ['Raw content (the From header names the sender; C-MIME4 checks it)', { Content: raw }],
    ['Simple content with FromEmailAddress', { FromEmailAddress: 's@example.com', Content: simple }],
    ['a FromEmailAddress of the wrong type (C-REQ2 reports it)', { FromEmailAddress: 5, Content: simple }],
    ['no Content at all (C-REQ2 reports it)', {}],
  ])('%s: nothing to report', (_name, body) => {
    expect(checkFromAddressPresent(body, 'send-email')).toEqual([]);
  });
});
