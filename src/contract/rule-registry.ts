/**
 * The rule registry: one table of every rule of `spec/RULES.md` with its level, its evidence, its
 * clauses (a rule can be broken in several ways, each at its own level) and the places each clause
 * applies. The engine takes levels from here; `rule-coverage.test.ts` walks the table and fails when
 * a (rule, clause, place) cell of a MUST or SHOULD clause has no generator, or a clause has fewer
 * than two invalid examples in the catalog. OPEN and ADVISE clauses are listed so nobody generates
 * them by accident (ADVISE clauses are still checked: they come back as advice).
 *
 * A place is an operation and a JSON pointer pattern (`*` for any array index; raw MIME headers as
 * `/Content/Raw/Data/header/<Name>`). A violation belongs to the place whose pattern is a prefix of
 * its path (see `placeOf`).
 */
import type { Operation } from './operations.ts';

export type RuleLevel = 'MUST' | 'SHOULD' | 'ADVISE' | 'OPEN';
/** obs: real SES was seen to do it; doc: AWS documentation or model; parser: SES's JavaMail parser; rfc: the RFCs only. */
export type Evidence = 'obs' | 'doc' | 'parser' | 'rfc';
export type Place = `${Operation} /${string}`;

export type Clause = {
  readonly level: RuleLevel;
  readonly evidence: readonly Evidence[];
  /** What breaks this clause, in a few words. */
  readonly text: string;
  /** Where a request can break it; empty for wire rules (they check responses) and OPEN clauses. */
  readonly places: readonly Place[];
};

export type RuleEntry = {
  readonly title: string;
  readonly clauses: Readonly<Record<string, Clause>>;
};

const E = (pattern: string): Place => `send-email ${pattern}` as Place;
const B = (pattern: string): Place => `send-bulk-email ${pattern}` as Place;

const RAW_ADDRESS_HEADERS = ['From', 'Sender', 'Reply-To', 'To', 'Cc', 'Bcc'] as const;
const RECIPIENT_LISTS = ['ToAddresses', 'CcAddresses', 'BccAddresses'] as const;

/** Every JSON address field of both operations. */
export const JSON_ADDRESS_PLACES: readonly Place[] = [
  E('/FromEmailAddress'),
  E('/ReplyToAddresses'),
  E('/FeedbackForwardingEmailAddress'),
  ...RECIPIENT_LISTS.map((list) => E(`/Destination/${list}`)),
  B('/FromEmailAddress'),
  B('/ReplyToAddresses'),
  B('/FeedbackForwardingEmailAddress'),
  ...RECIPIENT_LISTS.map((list) => B(`/BulkEmailEntries/*/Destination/${list}`)),
];
/** The address headers of a raw message (C-MIME4 for From, C-MIME6 for the rest). */
export const RAW_ADDRESS_PLACES: readonly Place[] = RAW_ADDRESS_HEADERS.map((name) =>
  E(`/Content/Raw/Data/header/${name}`),
);
export const ADDRESS_PLACES: readonly Place[] = [...JSON_ADDRESS_PLACES, ...RAW_ADDRESS_PLACES];
/** Where recipients are counted: a Destination, a bulk entry's Destination, or a raw message's To/Cc/Bcc headers. */
const RECIPIENT_SETS: readonly Place[] = [
  E('/Destination'),
  E('/Content/Raw/Data'),
  B('/BulkEmailEntries/*/Destination'),
];
const RECIPIENT_PLACES: readonly Place[] = [
  ...RECIPIENT_LISTS.map((list) => E(`/Destination/${list}`)),
  ...RECIPIENT_LISTS.map((list) => B(`/BulkEmailEntries/*/Destination/${list}`)),
];
/** Every template: SendEmail's `Content.Template` and SendBulkEmail's `DefaultContent.Template`. */
const TEMPLATES: readonly Place[] = [E('/Content/Template'), B('/DefaultContent/Template')];
const HEADER_LISTS: readonly Place[] = [
  E('/Content/Simple/Headers'),
  E('/Content/Template/Headers'),
  B('/DefaultContent/Template/Headers'),
  B('/BulkEmailEntries/*/ReplacementHeaders'),
];
const ATTACHMENT_LISTS: readonly Place[] = [
  E('/Content/Simple/Attachments'),
  E('/Content/Template/Attachments'),
  B('/DefaultContent/Template/Attachments'),
];
const TEMPLATE_DATA: readonly Place[] = [
  E('/Content/Template/TemplateData'),
  B('/DefaultContent/Template/TemplateData'),
  B('/BulkEmailEntries/*/ReplacementEmailContent/ReplacementTemplate/ReplacementTemplateData'),
];
const TAG_LISTS: readonly Place[] = [
  E('/EmailTags'),
  B('/DefaultEmailTags'),
  B('/BulkEmailEntries/*/ReplacementTags'),
];
const INLINE_TEMPLATES: readonly Place[] = [
  E('/Content/Template/TemplateContent'),
  B('/DefaultContent/Template/TemplateContent'),
];
const IDENTITY_ARNS: readonly Place[] = [
  E('/FromEmailAddressIdentityArn'),
  E('/FeedbackForwardingEmailAddressIdentityArn'),
  B('/FromEmailAddressIdentityArn'),
  B('/FeedbackForwardingEmailAddressIdentityArn'),
];
const NAMES: readonly Place[] = [
  E('/ConfigurationSetName'),
  E('/TenantName'),
  B('/ConfigurationSetName'),
  B('/TenantName'),
];
const RAW: readonly Place[] = [E('/Content/Raw/Data')];
const BODIES: readonly Place[] = [E('/'), B('/')];

const wire = (text: string, level: RuleLevel = 'MUST'): RuleEntry => ({
  title: text,
  clauses: { response: { level, evidence: ['doc'], text, places: [] } },
});
const one = (
  title: string,
  level: RuleLevel,
  evidence: readonly Evidence[],
  places: readonly Place[],
): RuleEntry => ({
  title,
  clauses: {
    [level === 'OPEN' ? 'open' : 'main']: {
      level,
      evidence,
      text: title,
      places: level === 'OPEN' ? [] : places,
    },
  },
});
const open = (text: string, evidence: readonly Evidence[] = ['doc']): Clause => ({
  level: 'OPEN',
  evidence,
  text,
  places: [],
});

export const RULES = {
  'C-W1': wire('documented success envelope'),
  'C-W2': wire('documented error envelope'),
  'C-W3': wire('a broken request rule gets 400 VALIDATION_ERROR (413/415/404 where allowed)'),
  'C-W4': wire('data.id values are unique'),
  'C-W5': wire('data.created_at is recent', 'SHOULD'),
  'C-A1': wire('SendEmail success: 200 and a MessageId'),
  'C-A2': wire('SendBulkEmail success: one result per entry, in order; transient statuses are re-sent'),
  'C-A3': wire('aws errors: x-amzn-ErrorType and a message'),
  'C-A4': wire('MessageId values are unique'),
  'C-A5': wire('a bad bulk entry: whole request rejected, or that entry non-SUCCESS'),
  'C-A6': {
    title: 'over the maximum send rate: 429 TooManyRequestsException',
    clauses: { rate: { level: 'MUST', evidence: ['obs'], text: 'over the send rate', places: [] } },
  },

  'C-ADDR1': {
    title: 'exactly one mailbox',
    clauses: {
      syntax: {
        level: 'MUST',
        evidence: ['parser', 'obs'],
        text: 'missing @, local part or domain; two addresses; unquoted specials in a display name; unclosed quote or angle bracket',
        places: ADDRESS_PLACES,
      },
      control: {
        level: 'SHOULD',
        evidence: ['rfc'],
        text: 'CR, LF or NUL in the value',
        places: JSON_ADDRESS_PLACES,
      },
    },
  },
  'C-ADDR2': {
    title: '7-bit local part',
    clauses: {
      'local-part': {
        level: 'MUST',
        evidence: ['obs', 'parser'],
        text: 'an octet above 0x7F, white space, an unquoted special, or a bad dot in the local part',
        places: ADDRESS_PLACES,
      },
      'unquoted-backslash': open('a backslash in an unquoted local part (SES’s parser accepts it)', [
        'parser',
      ]),
      'escaped-backslash-last': open(
        'a quoted local part ending in an escaped backslash (SES’s parser refuses it)',
        ['parser'],
      ),
    },
  },
  'C-ADDR3': {
    title: 'address lengths',
    clauses: {
      'local-part-length': {
        level: 'SHOULD',
        evidence: ['rfc'],
        text: 'local part over 64 octets',
        places: ADDRESS_PLACES,
      },
      'address-length': {
        level: 'SHOULD',
        evidence: ['rfc'],
        text: 'addr-spec over 254 octets',
        places: ADDRESS_PLACES,
      },
    },
  },
  'C-ADDR4': one('ASCII domain (Punycode)', 'MUST', ['doc', 'parser'], ADDRESS_PLACES),
  'C-ADDR5': {
    title: 'domain labels',
    clauses: {
      labels: {
        level: 'MUST',
        evidence: ['doc', 'parser'],
        text: 'one label only, an empty label, or a character other than letters, digits, hyphens and dots',
        places: ADDRESS_PLACES,
      },
      'label-shape': {
        level: 'SHOULD',
        evidence: ['rfc'],
        text: 'a label over 63 octets, a hyphen at a label’s end, a domain over 253 octets, an all-digit last label',
        places: ADDRESS_PLACES,
      },
    },
  },
  'C-ADDR6': one('valid Punycode A-labels', 'SHOULD', ['rfc'], ADDRESS_PLACES),
  'C-ADDR7': one('IDNA2008 labels', 'SHOULD', ['rfc'], ADDRESS_PLACES),
  'C-ADDR8': {
    title: 'non-ASCII display names as encoded-words',
    clauses: {
      'encoded-words': {
        level: 'ADVISE',
        evidence: ['obs'],
        text: 'a raw non-ASCII display name (SES accepts it and mangles the name)',
        places: ADDRESS_PLACES,
      },
    },
  },
  'C-ADDR9': one('domain literals, comments, obsolete syntax', 'OPEN', ['rfc'], []),

  'C-DEST1': one('at most 50 recipients', 'MUST', ['doc', 'obs'], RECIPIENT_SETS),
  'C-DEST2': one('at least one recipient', 'MUST', ['doc'], RECIPIENT_SETS),
  'C-DEST3': one('every recipient passes section 2', 'MUST', ['doc'], RECIPIENT_PLACES),
  'C-DEST4': one('duplicate recipients', 'OPEN', ['doc'], []),

  'C-CONT1': one('exactly one of Simple, Raw, Template', 'MUST', ['doc'], [E('/Content')]),
  'C-CONT2': one('Simple has a subject and a body', 'MUST', ['doc'], [E('/Content/Simple')]),
  'C-CONT3': {
    title: 'subject without line breaks',
    clauses: {
      main: {
        level: 'MUST',
        evidence: ['doc'],
        text: 'CR or LF in Subject.Data',
        places: [E('/Content/Simple/Subject')],
      },
      'non-ascii-without-charset': open('a non-ASCII subject without Charset'),
    },
  },
  'C-CONT4': {
    title: 'custom headers',
    clauses: {
      count: { level: 'MUST', evidence: ['doc'], text: 'more than 15 headers', places: HEADER_LISTS },
      name: {
        level: 'MUST',
        evidence: ['doc'],
        text: 'a name outside 1–126 printable ASCII without `:`',
        places: HEADER_LISTS,
      },
      value: {
        level: 'MUST',
        evidence: ['doc'],
        text: 'an empty value, a character outside printable ASCII, or 996 and more characters',
        places: HEADER_LISTS,
      },
      'reserved-name': {
        level: 'MUST',
        evidence: ['doc'],
        text: 'a name SES sets itself (From, To, Subject, Reply-To, …)',
        places: HEADER_LISTS,
      },
      'value-871-995': open('a value of 871–995 characters (870 in the API reference, 995 in the model)'),
    },
  },
  'C-CONT5': {
    title: 'attachments',
    clauses: {
      'file-name': {
        level: 'MUST',
        evidence: ['doc'],
        text: 'a file name that is empty, over 255 characters, without an extension, or with a blocked one',
        places: ATTACHMENT_LISTS,
      },
      'raw-content': {
        level: 'MUST',
        evidence: ['doc'],
        text: 'RawContent that is not base64',
        places: ATTACHMENT_LISTS,
      },
      fields: {
        level: 'MUST',
        evidence: ['doc'],
        text: 'ContentType or ContentId outside 1–78 characters, ContentDescription over 1000, a value outside an enum',
        places: ATTACHMENT_LISTS,
      },
    },
  },
  'C-CONT6': {
    title: 'template source',
    clauses: {
      'some-source': {
        level: 'MUST',
        evidence: ['doc'],
        text: 'none of TemplateName, TemplateArn, TemplateContent',
        places: TEMPLATES,
      },
      'single-source': {
        level: 'SHOULD',
        evidence: ['doc'],
        text: 'more than one template source',
        places: TEMPLATES,
      },
    },
  },
  'C-CONT7': {
    title: 'template data',
    clauses: {
      object: {
        level: 'MUST',
        evidence: ['doc'],
        text: 'data that does not parse as a JSON object',
        places: TEMPLATE_DATA,
      },
      size: { level: 'MUST', evidence: ['doc'], text: 'data over 262,144 characters', places: TEMPLATE_DATA },
    },
  },
  'C-CONT8': {
    title: 'message tags',
    clauses: {
      empty: { level: 'MUST', evidence: ['obs'], text: 'an empty tag name or value', places: TAG_LISTS },
      characters: {
        level: 'MUST',
        evidence: ['obs', 'doc'],
        text: 'a character other than letters, digits, `_` and `-` (names `ses:feedback-id-a/b` excepted)',
        places: TAG_LISTS,
      },
      length: {
        level: 'MUST',
        evidence: ['obs', 'doc'],
        text: 'a name or value of 257 characters or more',
        places: TAG_LISTS,
      },
      'dot-or-at-in-value': open('a value containing `.` or `@`', ['obs']),
      'length-256': open('a name or value of exactly 256 characters', ['obs', 'doc']),
      'other-ses-name': open('a `ses:` name other than ses:feedback-id-a/b', ['obs']),
    },
  },
  'C-CONT9': {
    title: 'identity ARNs',
    clauses: {
      empty: { level: 'MUST', evidence: ['obs'], text: 'an empty ARN', places: IDENTITY_ARNS },
      format: {
        level: 'SHOULD',
        evidence: ['doc'],
        text: 'an ARN not of the identity form',
        places: IDENTITY_ARNS,
      },
    },
  },
  'C-CONT10': {
    title: 'configuration set and tenant names',
    clauses: {
      format: {
        level: 'SHOULD',
        evidence: ['doc'],
        text: 'a name outside 1–64 letters, digits, `-`, `_`',
        places: NAMES,
      },
      empty: open('an empty name (v1 treated it as no set)', ['obs']),
    },
  },
  'C-CONT11': one(
    'ListManagementOptions has a ContactListName',
    'MUST',
    ['doc'],
    [E('/ListManagementOptions')],
  ),
  'C-CONT13': {
    title: 'inline templates use simple substitution only',
    clauses: {
      'simple-substitution': {
        level: 'MUST',
        evidence: ['doc', 'obs'],
        text: 'a block helper, `{{else}}`, a partial, a comment or triple braces in an inline template',
        places: INLINE_TEMPLATES,
      },
      'dotted-or-underscore-names': open('`{{a.b}}` or a name with `_`', ['obs']),
    },
  },
  'C-CONT14': {
    title: 'every inline template variable has a value',
    clauses: {
      'missing-variable': {
        level: 'ADVISE',
        evidence: ['doc', 'obs'],
        text: 'a `{{name}}` without a non-null value in the data (SES answers 200, then drops the message)',
        places: INLINE_TEMPLATES,
      },
    },
  },

  'C-MIME1': one('standard base64', 'MUST', ['doc'], RAW),
  'C-MIME2': one('header section, blank line, header syntax', 'MUST', ['doc', 'obs'], RAW),
  'C-MIME3': {
    title: 'lines of at most 998 octets',
    clauses: {
      'line-length': {
        level: 'ADVISE',
        evidence: ['obs', 'doc'],
        text: 'a line over 998 octets (SES delivers it; receiving servers bounce it)',
        places: RAW,
      },
    },
  },
  'C-MIME4': {
    title: 'From exactly once, a valid mailbox',
    clauses: {
      present: { level: 'MUST', evidence: ['obs'], text: 'no From header', places: RAW },
      address: {
        level: 'MUST',
        evidence: ['obs', 'parser'],
        text: 'a From address that breaks section 2',
        places: [E('/Content/Raw/Data/header/From')],
      },
      sender: {
        level: 'MUST',
        evidence: ['rfc', 'parser'],
        text: 'several From mailboxes and no Sender',
        places: [E('/Content/Raw/Data/header/From')],
      },
    },
  },
  'C-MIME5': one('single-instance headers appear at most once', 'MUST', ['doc', 'obs'], RAW),
  'C-MIME6': {
    title: 'address headers pass section 2',
    clauses: {
      address: {
        level: 'MUST',
        evidence: ['doc', 'parser'],
        text: 'an address in Sender, Reply-To, To, Cc or Bcc that breaks section 2 at its MUST level',
        places: RAW_ADDRESS_PLACES.filter((p) => !p.endsWith('/From')),
      },
      'eight-bit-display-name': open('raw 8-bit bytes in a display name in an address header', ['doc']),
    },
  },
  'C-MIME7': one('multipart structure', 'MUST', ['doc', 'obs'], RAW),
  'C-MIME8': one('no blocked attachment extension', 'MUST', ['doc'], RAW),
  'C-MIME9': one('at most 40 MiB of base64', 'MUST', ['doc'], RAW),
  'C-MIME10': one('CRLF, 7-bit header values, valid base64 and QP bodies', 'SHOULD', ['rfc'], RAW),
  'C-MIME11': one('Content-Type and Content-Disposition syntax', 'SHOULD', ['parser', 'obs'], RAW),
  'C-MIME12': one('one header’s total length', 'OPEN', ['obs'], []),

  'C-REQ1': one('the body is a JSON object', 'MUST', ['doc'], BODIES),
  'C-REQ2': {
    title: 'types and required members',
    clauses: {
      types: {
        level: 'MUST',
        evidence: ['doc'],
        text: 'a wrong type or a missing required member',
        places: BODIES,
      },
      'media-type': {
        level: 'SHOULD',
        evidence: ['rfc'],
        text: 'a media type other than application/json',
        places: BODIES,
      },
      'null-member': open('JSON null for an optional member'),
      'no-content-type': open('a missing Content-Type header'),
    },
  },
  'C-REQ3': one('no unknown members', 'SHOULD', ['doc'], BODIES),
  'C-REQ4': {
    title: 'FromEmailAddress for Simple, Template and bulk',
    clauses: {
      main: {
        level: 'MUST',
        evidence: ['obs'],
        text: 'no FromEmailAddress with Simple or Template content, or in SendBulkEmail',
        places: [E('/Content/Simple'), E('/Content/Template'), B('/')],
      },
    },
  },

  'C-BULK1': one('DefaultContent.Template is present', 'MUST', ['doc'], [B('/DefaultContent')]),
  'C-BULK2': one('1 to 50 entries', 'MUST', ['doc'], [B('/BulkEmailEntries')]),
  'C-BULK3': one(
    'each entry’s Destination passes section 3',
    'MUST',
    ['doc'],
    [B('/BulkEmailEntries/*/Destination')],
  ),
  'C-BULK4': one(
    'each entry’s replacements pass C-CONT7, C-CONT8, C-CONT4',
    'MUST',
    ['doc'],
    [
      B('/BulkEmailEntries/*/ReplacementHeaders'),
      B('/BulkEmailEntries/*/ReplacementTags'),
      B('/BulkEmailEntries/*/ReplacementEmailContent'),
    ],
  ),

  'C-ID1': {
    title: 'the From identity is verified',
    clauses: {
      verified: { level: 'MUST', evidence: ['doc', 'obs'], text: 'an unverified sender', places: [] },
    },
  },
  'C-ID2': {
    title: 'sandbox recipients are verified',
    clauses: {
      sandbox: {
        level: 'MUST',
        evidence: ['doc'],
        text: 'an unverified recipient in the sandbox',
        places: [],
      },
    },
  },
  'C-ID3': {
    title: 'mailbox-simulator addresses are accepted',
    clauses: {
      simulator: { level: 'MUST', evidence: ['doc'], text: 'a simulator address refused', places: [] },
    },
  },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULES;
export type ClauseName<R extends RuleId> = keyof (typeof RULES)[R]['clauses'] & string;
/** `C-ADDR1` (the rule's first clause) or `C-ADDR1.control`. */
export type RuleRef = RuleId | { [R in RuleId]: `${R}.${ClauseName<R>}` }[RuleId];

/** A rule's headline level: the strongest level among its clauses (MUST > SHOULD > ADVISE > OPEN). */
function headline(entry: RuleEntry): RuleLevel {
  const levels = Object.values(entry.clauses).map((c) => c.level);
  for (const level of ['MUST', 'SHOULD', 'ADVISE'] as const) if (levels.includes(level)) return level;
  return 'OPEN';
}

export const RULE_LEVELS = Object.fromEntries(
  Object.entries(RULES).map(([id, entry]) => [id, headline(entry)]),
) as Readonly<Record<RuleId, RuleLevel>>;

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value);
}

/** The rule and clause a reference names; a bare id names the rule's first clause. */
export function resolveRuleRef(ref: RuleRef): { rule: RuleId; clause: string; level: RuleLevel } {
  const dot = ref.indexOf('.');
  const rule = (dot < 0 ? ref : ref.slice(0, dot)) as RuleId;
  const clauses = RULES[rule].clauses as Readonly<Record<string, Clause>>;
  const clause = dot < 0 ? (Object.keys(clauses)[0] as string) : ref.slice(dot + 1);
  const entry = clauses[clause];
  if (!entry) throw new Error(`${rule} has no clause '${clause}'`);
  return { rule, clause, level: entry.level };
}

/**
 * The registry place a violation path belongs to: the longest place pattern of the operation that
 * is a prefix of the path (array indices match `*`, raw header names case-insensitively).
 */
export function placeOf(operation: Operation, path: string, candidates: readonly Place[]): Place | undefined {
  const segments = path.split('/').slice(1);
  let best: Place | undefined;
  let bestLength = -1;
  for (const place of candidates) {
    const [op, pattern] = place.split(' ') as [Operation, string];
    if (op !== operation) continue;
    const wanted = pattern === '/' ? [] : pattern.split('/').slice(1);
    if (wanted.length > segments.length || wanted.length <= bestLength) continue;
    const matches = wanted.every((w, i) => {
      const s = segments[i] as string;
      return w === '*' ? /^\d+$/.test(s) : w.toLowerCase() === s.toLowerCase();
    });
    if (matches) {
      best = place;
      bestLength = wanted.length;
    }
  }
  return best;
}
