/**
 * Valid SendEmail bodies: every MUST and SHOULD rule holds, so any implementation must accept them.
 * `from` is the sender the implementation has verified (RULES.md section 8); it is the only
 * `FromEmailAddress` a valid case uses, sometimes behind an encoded display name.
 */
import fc from 'fast-check';
import { validAddress } from './address.ts';
import { type Destination, validDestination } from './destination.ts';
import { encodedWord } from './display-name.ts';
import { type MessageTag, validTags } from './message-tags.ts';
import { rawData, serialiseMessage, validRawMessage } from './raw-message.ts';
import { type SimpleMessage, validSimpleMessage } from './simple-message.ts';
import { type Template, validTemplate } from './template.ts';

export type EmailContent = { Simple?: SimpleMessage; Template?: Template; Raw?: { Data: string } };

export type SendEmailBody = {
  FromEmailAddress?: string;
  Destination?: Destination;
  ReplyToAddresses?: string[];
  FeedbackForwardingEmailAddress?: string;
  Content: EmailContent;
  EmailTags?: MessageTag[];
  [member: string]: unknown;
};

export function senderAddress(from: string): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant(from), weight: 3 },
    {
      arbitrary: fc.constantFrom('Sender', encodedWord('Sénder', 'Q')).map((name) => `${name} <${from}>`),
      weight: 1,
    },
  );
}

export function validContent(from: string): fc.Arbitrary<EmailContent> {
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: validSimpleMessage.map((Simple) => ({ Simple })), weight: 3 },
    { arbitrary: validTemplate.map((Template) => ({ Template })), weight: 2 },
    {
      arbitrary: validRawMessage(from).map((spec) => ({ Raw: { Data: rawData(serialiseMessage(spec)) } })),
      weight: 2,
    },
  );
}

const replyTo = fc.uniqueArray(validAddress, {
  minLength: 1,
  maxLength: 2,
  selector: (a) => a.toLowerCase(),
});

/**
 * A valid SendEmail body. `FeedbackForwardingEmailAddress`, when present, is the verified sender
 * too. A raw message may leave `Destination` out: its To/Cc/Bcc headers name the recipients then
 * (C-DEST1, C-DEST2). No configuration set, tenant, identity ARN or contact list: none exists at
 * the implementation under test (RULES.md section 9), and a lookup may fairly fail.
 */
export function validSendEmail(from: string): fc.Arbitrary<SendEmailBody> {
  return fc
    .tuple(
      fc.record(
        {
          FromEmailAddress: senderAddress(from),
          Destination: validDestination,
          ReplyToAddresses: replyTo,
          FeedbackForwardingEmailAddress: fc.constant(from),
          Content: validContent(from),
          EmailTags: validTags,
        },
        { requiredKeys: ['FromEmailAddress', 'Destination', 'Content'] },
      ),
      // Shrinks to false: a shrunk raw case keeps its Destination, the plainer reading.
      fc.boolean(),
    )
    .map(([body, headersOnly]): SendEmailBody => {
      // Empty tag lists are legal but say nothing; leave the member out instead.
      if (body.EmailTags?.length === 0) delete body.EmailTags;
      if (!(headersOnly && body.Content.Raw)) return body;
      const { Destination: _, ...withoutDestination } = body;
      return withoutDestination;
    });
}
