/**
 * C-REQ2: a valid body with one member of the wrong JSON type, or `Content` left out. JSON `null`
 * is not used: null for an optional member is OPEN.
 */
import fc from 'fast-check';
import type { InvalidCase, Operation } from '../case.ts';
import { validSendBulkEmail } from './send-bulk-email.ts';
import { validSendEmail } from './send-email.ts';

type Mutation = (body: Record<string, unknown>) => Record<string, unknown>;

const SEND_EMAIL_MUTATIONS: Record<string, Mutation> = {
  // A raw message may have carried the recipients in its headers: keep one in Destination (C-DEST2).
  'Content missing': ({ Content: _, ...rest }) => ({
    Destination: { ToAddresses: ['a@example.com'] },
    ...rest,
  }),
  'ToAddresses is a string': (b) => ({ ...b, Destination: { ToAddresses: 'a@example.com' } }),
  'CcAddresses is a string': (b) => ({
    ...b,
    Destination: { ...(b.Destination as object | undefined), CcAddresses: 'a@example.com' },
  }),
  'FromEmailAddress is a number': (b) => ({ ...b, FromEmailAddress: 42 }),
  'EmailTags is an object': (b) => ({ ...b, EmailTags: { Name: 'a', Value: 'b' } }),
  'ReplyToAddresses holds a number': (b) => ({ ...b, ReplyToAddresses: [7] }),
};

const SEND_BULK_EMAIL_MUTATIONS: Record<string, Mutation> = {
  'BulkEmailEntries missing': ({ BulkEmailEntries: _, ...rest }) => rest,
  'BulkEmailEntries is an object': (b) => ({ ...b, BulkEmailEntries: { Destination: {} } }),
  'FromEmailAddress is a number': (b) => ({ ...b, FromEmailAddress: 42 }),
  'DefaultEmailTags is a string': (b) => ({ ...b, DefaultEmailTags: 'campaign' }),
};

export function wrongTypeCases(
  operation: Operation,
  from: string,
): fc.Arbitrary<InvalidCase & { mutation: string }> {
  const mutations = operation === 'send-email' ? SEND_EMAIL_MUTATIONS : SEND_BULK_EMAIL_MUTATIONS;
  const valid = (
    operation === 'send-email' ? validSendEmail(from) : validSendBulkEmail(from)
  ) as fc.Arbitrary<Record<string, unknown>>;
  return fc.tuple(valid, fc.constantFrom(...Object.keys(mutations))).map(([body, mutation]) => ({
    operation,
    body: (mutations[mutation] as Mutation)(body),
    breaks: 'C-REQ2',
    reportedAs: ['C-REQ2'],
    mutation,
  }));
}

/**
 * C-REQ1: text that is not a JSON object: broken JSON (a valid body cut short, or with trailing
 * garbage) or JSON of another type.
 */
export function malformedJsonCases(operation: Operation, from: string): fc.Arbitrary<InvalidCase> {
  const valid = operation === 'send-email' ? validSendEmail(from) : validSendBulkEmail(from);
  return fc
    .tuple(
      valid,
      fc.constantFrom('truncated', 'trailing', 'array', 'string', 'null', 'number', 'single-quotes'),
      fc.nat(),
    )
    .map(([body, kind, cut]) => {
      const json = JSON.stringify(body);
      const text =
        kind === 'truncated'
          ? json.slice(0, 1 + (cut % (json.length - 1)))
          : kind === 'trailing'
            ? `${json}}`
            : kind === 'array'
              ? `[${json}]`
              : kind === 'string'
                ? JSON.stringify(json)
                : kind === 'null'
                  ? 'null'
                  : kind === 'number'
                    ? '42'
                    : json.replaceAll('"', "'");
      return { operation, text, breaks: 'C-REQ1', reportedAs: ['C-REQ1'] };
    });
}
