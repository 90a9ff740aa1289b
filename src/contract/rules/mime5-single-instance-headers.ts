import { entitiesOf, headerPointer, type RawMessage } from '../mime/mime-entity.ts';
import { type Violation, violation } from '../violation.ts';

// Reference R17 as written, plus List-Unsubscribe-Post (reference §7.6); the set holds the names in lower case (header names are case-insensitive).
const R17 =
  'From Sender Reply-To Return-Path Subject Date Message-ID In-Reply-To References MIME-Version ' +
  'Content-Type Content-Transfer-Encoding Content-Disposition Content-ID Content-Description ' +
  'Content-Language Content-Length Content-Location Content-MD5 Content-Base Content-Class ' +
  'Content-Duration Content-Alternative DKIM-Signature DomainKey-Signature List-Id List-Unsubscribe ' +
  'List-Unsubscribe-Post ' +
  'List-Subscribe List-Post List-Help List-Owner List-Archive Accept-Language Importance Priority ' +
  'Precedence Keywords Comments Organization User-Agent Thread-Index Thread-Topic Auto-Submitted ' +
  'Archived-At Bounces-to Errors-To Delivered-To Disposition-Notification-To ' +
  'Disposition-Notification-Options Original-From Original-Message-ID Original-Recipient ' +
  'Original-Subject Return-Receipt-To Sensitivity Solicitation VBR-Info Message-Context ' +
  'acceptLanguage';

export const SINGLE_INSTANCE_HEADERS: ReadonlySet<string> = new Set(R17.toLowerCase().split(' '));

/**
 * C-MIME5 MUST. Headers listed in reference R17 (and `List-Unsubscribe-Post`, §7.6) appear at most
 * once, compared case-insensitively.
 *
 * Checked in every header section (message and parts): two `Content-Type` headers in a part are as
 * ambiguous as in the message. Reports each repeated name once, at its second occurrence.
 */
export function checkSingleInstanceHeaders(message: RawMessage): Violation[] {
  const out: Violation[] = [];
  for (const entity of entitiesOf(message.root)) {
    const seen = new Map<string, number>();
    for (const header of entity.headers) {
      if (!SINGLE_INSTANCE_HEADERS.has(header.key)) continue;
      const count = (seen.get(header.key) ?? 0) + 1;
      seen.set(header.key, count);
      if (count !== 2) continue;
      out.push(
        violation(
          'C-MIME5',
          headerPointer(message, entity, header.name),
          `the ${header.name} header appears more than once (again on line ${header.line}); it may appear at most once`,
        ),
      );
    }
  }
  return out;
}
