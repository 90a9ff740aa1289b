/**
 * Everything the reference mock can be told, in one place: the node server, the fetch handler (MSW)
 * and the CLI all take these and nothing else.
 */
import type { Violation } from '../contract/violation.ts';
import type { TemplateLibrary } from '../templates/stored-templates.ts';
import type { StoredMessage } from './stored-message.ts';
import type { WireProfileName } from './wire-profile.ts';

export type RequestValidator = (body: unknown) => Violation[];

export type MockOptions = {
  profile: WireProfileName;
  /**
   * Also refuse requests that break a SHOULD rule (RULES.md levels). Default false: the mock
   * refuses what SES refuses, the MUST rules; SHOULD findings are accepted, as SES accepts them.
   */
  strict?: boolean;
  /** Same seed and same request sequence → same ids, timestamps and random failures. */
  seed?: number;
  /** Delay added to every SendEmail / SendBulkEmail answer. */
  latencyMs?: number;
  /** Default 44,040,192 (RULES.md section 9). */
  maxBodyBytes?: number;
  /** Replace the rules engine, e.g. to build a deliberately broken twin that skips a rule. */
  validators?: { sendEmail?: RequestValidator; sendBulkEmail?: RequestValidator };
  /** Replace the id source, e.g. to build a twin that reuses ids. */
  nextId?: () => string;
  /** Default 200; the oldest are dropped first. */
  maxStoredMessages?: number;
  onMessage?: (message: StoredMessage) => void;
  /**
   * Stored templates by name, each `{ Subject, Text, Html }` as `CreateEmailTemplate` takes them,
   * or a library already made from them; sends naming one are rendered with Handlebars as SES does,
   * an unknown name is a 404. Without it, stored-template sends are kept unrendered. A malformed
   * template throws `TemplateSyntaxError` when the mock is made.
   */
  templates?: Readonly<Record<string, unknown>> | TemplateLibrary;
  /**
   * Verified identities, addresses and domains (a domain covers its addresses). An unverified From
   * gets 400 MessageRejected (C-ID1). Default: every identity is verified.
   */
  identities?: readonly string[];
  /** The region named in identity errors and in LocalStack's view. Default `us-east-1`. */
  region?: string;
  /**
   * The sandbox: recipients must be verified or mailbox-simulator addresses (C-ID2), and the
   * sandbox quotas (1 per second, 200 per 24 h) apply unless `maxSendRate` / `dailyQuota` are set.
   */
  sandbox?: boolean;
  /** Recipients per second; over it, 429 TooManyRequestsException (C-A6). */
  maxSendRate?: number;
  /** Recipients per 24 hours; over it, 429 "Daily message quota exceeded." */
  dailyQuota?: number;
  /** The fraction (0–1) of accepted sends answered 429 or 503 at random; reproducible with `seed`. */
  failRate?: number;
  /** The clock the sending limits read, in ms (tests pass their own). Default `Date.now`. */
  now?: () => number;
};
