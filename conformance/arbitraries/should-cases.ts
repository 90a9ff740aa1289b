/**
 * Cases that break exactly one SHOULD rule (and no MUST rule): only `--strict` runs send them, and
 * a strict implementation rejects them. C-CONT6's SHOULD half (several template sources) is left
 * out: naming a stored template may fairly be answered 404 by an implementation that has none.
 */
import fc from 'fast-check';
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import type { InvalidCase, Operation } from '../case.ts';
import { withBadAddress } from './bad-address-placement.ts';
import type { InvalidCatalog } from './invalid-send-email.ts';
import { rawData, serialiseMessage, validRawMessage } from './raw-message.ts';
import { validSendBulkEmail } from './send-bulk-email.ts';
import { validSendEmail } from './send-email.ts';
import { validSimpleMessage } from './simple-message.ts';

function cases(operation: Operation, rule: RuleId, bodies: fc.Arbitrary<unknown>): fc.Arbitrary<InvalidCase> {
  return bodies.map((body) => ({ operation, body, breaks: rule, reportedAs: [rule] }));
}

/**
 * C-ADDR7: a reserved `--` label, or an A-label whose U-label UTS-46 disallows (`xn--a` is U+0080,
 * a control). No emoji A-label: UTS-46, which the engine applies, lets those through.
 */
const reservedLabelAddress = fc
  .tuple(
    fc.constantFrom('user', 'a.b'),
    fc.constantFrom('ab--cd.example.com', 'mail.zz--top.org', 'xn--a.example'),
  )
  .map(([local, domain]) => `${local}@${domain}`);

export function shouldSendEmailCases(from: string): InvalidCatalog {
  const valid = validSendEmail(from);
  return {
    'C-ADDR7': cases(
      'send-email',
      'C-ADDR7',
      withBadAddress(valid, reservedLabelAddress, ['FromEmailAddress', 'ReplyToAddresses', 'Destination']),
    ),
    'C-MIME10': cases(
      'send-email',
      'C-MIME10',
      fc
        .tuple(valid, validRawMessage(from), fc.constantFrom('bare-lf', 'subject-8bit'))
        .map(([b, spec, defect]) => {
          const message =
            defect === 'bare-lf'
              ? serialiseMessage(spec).replaceAll('\r\n', '\n')
              : serialiseMessage({
                  ...spec,
                  headers: spec.headers.map(([n, v]) => [n, n === 'Subject' ? 'Grüße' : v]),
                });
          return { ...b, Content: { Raw: { Data: rawData(message) } } };
        }),
    ),
    'C-REQ3': cases(
      'send-email',
      'C-REQ3',
      fc
        .tuple(valid, fc.constantFrom('ToAdresses', 'Subject', 'fromEmailAddress'))
        .map(([b, typo]) => ({ ...b, [typo]: 'x' })),
    ),
  };
}

export function shouldSendBulkEmailCases(from: string): InvalidCatalog {
  const valid = validSendBulkEmail(from);
  return {
    'C-ADDR7': cases(
      'send-bulk-email',
      'C-ADDR7',
      withBadAddress(valid, reservedLabelAddress, ['FromEmailAddress', 'ReplyToAddresses']),
    ),
    'C-REQ3': cases(
      'send-bulk-email',
      'C-REQ3',
      fc
        .tuple(valid, fc.constantFrom('BulkEntries', 'Destination', 'defaultContent'))
        .map(([b, typo]) => ({ ...b, [typo]: 'x' })),
    ),
  };
}
