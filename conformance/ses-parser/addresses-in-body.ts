/**
 * Every address a SendEmail or SendBulkEmail body holds, for checking by SES's parser: the JSON
 * address fields (section 2's list, bulk entries included) one value each, and the address headers
 * of a raw message (From, Sender, Reply-To, To, Cc, Bcc) as whole header values, which are lists.
 */

export type FoundAddress = {
  /** `address`: one mailbox, as in a JSON field; `list`: a raw MIME header value. */
  kind: 'address' | 'list';
  value: string;
  /** A JSON pointer, or `/Content/Raw/Data/header/<Name>`. */
  where: string;
};

const RAW_ADDRESS_HEADERS = new Set(['from', 'sender', 'reply-to', 'to', 'cc', 'bcc']);
const LISTS = ['ToAddresses', 'CcAddresses', 'BccAddresses'] as const;

type Body = Record<string, unknown>;

function isRecord(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldAddresses(holder: unknown, name: string, where: string): FoundAddress[] {
  if (!isRecord(holder)) return [];
  const value = holder[name];
  if (typeof value === 'string') return [{ kind: 'address', value, where: `${where}/${name}` }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) =>
    typeof item === 'string'
      ? [{ kind: 'address' as const, value: item, where: `${where}/${name}/${i}` }]
      : [],
  );
}

function destinationAddresses(destination: unknown, where: string): FoundAddress[] {
  return LISTS.flatMap((list) => fieldAddresses(destination, list, where));
}

/** The header section of a raw message, unfolded: CRLF followed by white space joins lines. */
function rawAddressHeaders(data: string): FoundAddress[] {
  const text = Buffer.from(data, 'base64').toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  const section = (end === -1 ? text : text.slice(0, end)).replace(/\r\n(?=[ \t])/g, '');
  return section.split('\r\n').flatMap((line) => {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (colon === -1 || !RAW_ADDRESS_HEADERS.has(name.toLowerCase())) return [];
    return [
      {
        kind: 'list' as const,
        value: line.slice(colon + 1).trim(),
        where: `/Content/Raw/Data/header/${name}`,
      },
    ];
  });
}

export function addressesInBody(body: unknown): FoundAddress[] {
  if (!isRecord(body)) return [];
  const found = [
    ...fieldAddresses(body, 'FromEmailAddress', ''),
    ...fieldAddresses(body, 'FeedbackForwardingEmailAddress', ''),
    ...fieldAddresses(body, 'ReplyToAddresses', ''),
    ...destinationAddresses(body.Destination, '/Destination'),
  ];
  const entries = body.BulkEmailEntries;
  if (Array.isArray(entries)) {
    entries.forEach((entry, i) => {
      if (isRecord(entry))
        found.push(...destinationAddresses(entry.Destination, `/BulkEmailEntries/${i}/Destination`));
    });
  }
  const content = body.Content;
  const raw = isRecord(content) && isRecord(content.Raw) ? content.Raw.Data : undefined;
  if (typeof raw === 'string') found.push(...rawAddressHeaders(raw));
  return found;
}
