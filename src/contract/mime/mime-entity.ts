/**
 * What the structure parser learns about a decoded raw message: facts only, no violations. The rules
 * (src/contract/rules/mime*.ts) turn these facts into violations.
 */

export type MimeHeader = {
  /** The field name as written. */
  name: string;
  /** The field name in lower case, for comparisons (header names are case-insensitive). */
  key: string;
  /** The unfolded value after the colon, one character per octet (Latin-1), so 8-bit octets stay visible. */
  value: string;
  /** 1-based line number of the field's first line in the message. */
  line: number;
};

export type MalformedHeaderLine = { line: number; text: string };

export type MultipartFacts = {
  /** The `boundary` parameter, when present. */
  boundary: string | undefined;
  /** Why the boundary cannot be used (missing, empty, too long, a character outside bchars). */
  boundaryProblem: string | undefined;
  /** The boundary is one an enclosing multipart already uses, so its delimiters belong to that ancestor. */
  reusesAncestorBoundary: boolean;
  /** Nested deeper than the parser follows. */
  tooDeep: boolean;
  /** `--boundary` lines seen. */
  delimiters: number;
  /** Whether the closing `--boundary--` line was seen. */
  closed: boolean;
  /** Parts left unread because the message holds more parts than the parser follows. */
  partsDropped: number;
};

export type ContentType = {
  /** `type/subtype` in lower case. */
  mediaType: string;
  /** Parameters by lower-case name, RFC 2231 continuations and charsets already decoded. */
  params: ReadonlyMap<string, string>;
};

export type MimeEntity = {
  /** Where the entity sits: `''` for the message, `/part/1/2` for the second part of the first part. */
  path: string;
  /** Octet range of the entity (headers and body). */
  start: number;
  end: number;
  headers: MimeHeader[];
  /** Lines inside the header section that are neither `Name: value` nor a folded continuation. */
  malformedHeaderLines: MalformedHeaderLine[];
  /** Whether an empty line ends the header section (an entity with no lines at all counts as having one). */
  hasBodySeparator: boolean;
  /** First octet of the body (equals `end` when there is none). */
  bodyStart: number;
  contentType: ContentType | undefined;
  /** Present when the media type is `multipart/*`. */
  multipart: MultipartFacts | undefined;
  children: MimeEntity[];
};

/** A decoded raw message with its structure, and the JSON pointer of the `Data` it came from. */
export type RawMessage = {
  bytes: Uint8Array;
  root: MimeEntity;
  path: string;
};

/** Every entity of the tree, the message first, in document order. */
export function* entitiesOf(root: MimeEntity): Generator<MimeEntity> {
  const pending: MimeEntity[] = [root];
  while (pending.length > 0) {
    const entity = pending.pop() as MimeEntity;
    yield entity;
    for (let i = entity.children.length - 1; i >= 0; i--) pending.push(entity.children[i] as MimeEntity);
  }
}

/** The first header named `key` (lower case), if any. */
export function findHeader(entity: MimeEntity, key: string): MimeHeader | undefined {
  return entity.headers.find((header) => header.key === key);
}

/** The innermost entity holding the octet at `offset`. */
export function entityAt(root: MimeEntity, offset: number): MimeEntity {
  let entity = root;
  for (;;) {
    const child = entity.children.find((c) => offset >= c.start && offset < c.end);
    if (!child) return entity;
    entity = child;
  }
}

/** JSON pointer of an entity: the `Data` pointer extended by the part path. */
export function entityPointer(message: RawMessage, entity: MimeEntity): string {
  return message.path + entity.path;
}

/** JSON pointer of a header of an entity. */
export function headerPointer(message: RawMessage, entity: MimeEntity, name: string): string {
  return `${message.path}${entity.path}/header/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
