/**
 * Identity checks for a target that enforces them (C-ID1, C-ID2), generated only when the run is
 * told an identity the target does not have: `conform --unverified-from ADDR` (a send from ADDR is
 * refused) and `--sandbox-recipient ADDR` (in a sandbox, a send to ADDR from the verified `--from`
 * is refused). Without them nothing about identities is generated: whether a sender is verified is
 * the target's state, not the request's (RULES.md section 8).
 *
 * Refused means 400 `MessageRejected` (aws, C-A3's type) or 400 `MESSAGE_REJECTED` (documented),
 * as SES answers; a transient answer (429, 503) is sent again as for valid cases (C-A2).
 */
import type { RuleId } from '../../src/contract/rule-catalog.ts';
import { specSchema } from '../../src/contract/schema/spec-ajv.ts';
import type { ConformanceCase } from '../case.ts';
import type { Exchange } from '../transport/exchange.ts';
import { awsErrorType } from './check-rejected.ts';
import { type Problem, received } from './problem.ts';
import { defineProperty, type PropertyDefinition, type PropertyOptions } from './property.ts';
import { sendRetryingTransients, triesNote } from './send-retrying-transients.ts';
import { validCases } from './valid-request-is-accepted.ts';

/** Identities the target under test is known not to have verified. */
export type UnverifiedIdentities = { unverifiedFrom?: string; sandboxRecipient?: string };

function checkMessageRejected(
  exchange: Exchange,
  options: PropertyOptions,
  breaks: RuleId,
  what: string,
): Problem | undefined {
  const response = exchange.response;
  if (!response) return { rule: breaks, message: `${what} got no answer: ${exchange.error}` };
  const expected =
    options.profile === 'aws'
      ? '400 with error type MessageRejected'
      : '400 with error.code MESSAGE_REJECTED';
  if (response.status >= 200 && response.status < 300) {
    return {
      rule: breaks,
      message: `${what} was accepted. Received: ${received(exchange)}. Expected: ${expected}.`,
    };
  }
  const type =
    options.profile === 'aws'
      ? awsErrorType(exchange)
      : specSchema('documented', 'ErrorEnvelope')(response.json)
        ? (response.json as { error: { code: string } }).error.code
        : undefined;
  const wanted = options.profile === 'aws' ? 'MessageRejected' : 'MESSAGE_REJECTED';
  if (response.status !== 400 || type !== wanted) {
    return {
      rule: breaks,
      message: `${what} got ${response.status}${type ? ` ${type}` : ''}. Received: ${received(exchange)}. Expected: ${expected}.`,
    };
  }
  return undefined;
}

function property(
  name: string,
  rule: RuleId,
  options: PropertyOptions,
  identity: string,
  what: string,
  change: (body: Record<string, unknown>) => Record<string, unknown>,
): PropertyDefinition {
  return defineProperty({
    name: `send-email/${name}`,
    operation: 'send-email',
    rules: [rule],
    level: 'MUST',
    arbitrary: validCases('send-email', options.from).map(
      (c): ConformanceCase => ({ ...c, body: change(c.body as Record<string, unknown>) }),
    ),
    async check(c, context) {
      const sent = await sendRetryingTransients(context, c);
      const problem = checkMessageRejected(sent.exchange, options, rule, `a send ${what} ${identity}`);
      return problem
        ? {
            exchange: sent.exchange,
            problem: { ...problem, message: `${problem.message}${triesNote(sent.tries)}` },
          }
        : { exchange: sent.exchange };
    },
  });
}

export function unverifiedIdentityProperties(
  options: PropertyOptions & UnverifiedIdentities,
): PropertyDefinition[] {
  const properties: PropertyDefinition[] = [];
  const { unverifiedFrom, sandboxRecipient } = options;
  if (unverifiedFrom !== undefined) {
    properties.push(
      property('unverified-from-is-rejected', 'C-ID1', options, unverifiedFrom, 'from', (body) => {
        const { FromEmailAddressIdentityArn: _, ...rest } = body;
        return { ...rest, FromEmailAddress: unverifiedFrom };
      }),
    );
  }
  if (sandboxRecipient !== undefined) {
    properties.push(
      property('unverified-recipient-is-rejected', 'C-ID2', options, sandboxRecipient, 'to', (body) => ({
        ...body,
        Destination: { ToAddresses: [sandboxRecipient] },
      })),
    );
  }
  return properties;
}
