/**
 * One pass over a decoded message that records its MIME structure: header fields per entity, the
 * lines that break header syntax, where bodies start, and for each multipart its boundary, delimiter
 * lines and closing delimiter. Parsers such as postal-mime forgive exactly these defects (they guess a
 * body start, close open multiparts, ignore a reused boundary), so this parser records them instead.
 *
 * Delimiter lines are matched against every open multipart, innermost first, as RFC 2046 §5.1.1
 * requires: a parent's delimiter ends any part still open inside it. Nothing recurses, so deep nesting
 * cannot overflow the stack; the depth and part limits keep a hostile message linear.
 */
import { LineReader } from './line-reader.ts';
import type { MimeEntity, MimeHeader, MultipartFacts } from './mime-entity.ts';
import { parseStructuredHeader } from './structured-header.ts';

/** Multipart nesting the parser follows; deeper multiparts are reported, not read. */
export const MAX_MULTIPART_DEPTH = 100;
/** Parts the parser creates in one message; further delimiters are counted, not followed. */
export const MAX_PARTS = 10_000;

const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

type Frame = {
  entity: MimeEntity;
  state: 'headers' | 'leaf' | 'multipart' | 'epilogue';
  /** `--boundary` as octets, while the multipart is open. */
  dashBoundary: Uint8Array | undefined;
  depth: number;
  sawLine: boolean;
  pending: { name: string; line: number; chunks: string[] } | undefined;
};

export function parseMimeStructure(bytes: Uint8Array): MimeEntity {
  const root = newEntity('', 0);
  const stack: Frame[] = [newFrame(root, 0)];
  let parts = 0;
  const reader = new LineReader(bytes);
  while (reader.advance()) {
    if (bytes[reader.start] === 0x2d && bytes[reader.start + 1] === 0x2d) {
      const hit = matchDelimiter(bytes, reader, stack);
      if (hit) {
        const owner = stack[hit.level] as Frame;
        while (stack.length > hit.level + 1) finishFrame(stack.pop() as Frame, reader.start);
        const facts = owner.entity.multipart as MultipartFacts;
        if (hit.kind === 'close') {
          facts.closed = true;
          owner.state = 'epilogue';
          owner.dashBoundary = undefined;
        } else {
          facts.delimiters++;
          if (parts >= MAX_PARTS) {
            facts.partsDropped++;
          } else {
            parts++;
            const index = owner.entity.children.length + 1;
            const path = owner.entity.path === '' ? `/part/${index}` : `${owner.entity.path}/${index}`;
            const child = newEntity(path, reader.next);
            owner.entity.children.push(child);
            stack.push(newFrame(child, owner.depth + 1));
          }
        }
        continue;
      }
    }
    const top = stack[stack.length - 1] as Frame;
    if (top.state === 'headers') readHeaderLine(top, bytes, reader, stack);
  }
  while (stack.length > 0) finishFrame(stack.pop() as Frame, bytes.length);
  return root;
}

function newEntity(path: string, start: number): MimeEntity {
  return {
    path,
    start,
    end: start,
    headers: [],
    malformedHeaderLines: [],
    hasBodySeparator: false,
    bodyStart: start,
    contentType: undefined,
    multipart: undefined,
    children: [],
  };
}

function newFrame(entity: MimeEntity, depth: number): Frame {
  return { entity, state: 'headers', dashBoundary: undefined, depth, sawLine: false, pending: undefined };
}

function readHeaderLine(frame: Frame, bytes: Uint8Array, reader: LineReader, stack: Frame[]): void {
  frame.sawLine = true;
  const { start, end } = reader;
  if (end === start) {
    flushHeader(frame);
    frame.entity.hasBodySeparator = true;
    frame.entity.bodyStart = reader.next;
    openBody(frame, stack);
    return;
  }
  const first = bytes[start] as number;
  if (first === 0x20 || first === 0x09) {
    if (frame.pending) frame.pending.chunks.push(latin1(bytes, start, end));
    else frame.entity.malformedHeaderLines.push({ line: reader.number, text: latin1(bytes, start, end) });
    return;
  }
  flushHeader(frame);
  let colon = start;
  while (colon < end) {
    const c = bytes[colon] as number;
    if (c === 0x3a || c < 0x21 || c > 0x7e) break;
    colon++;
  }
  if (colon === start || colon === end || bytes[colon] !== 0x3a) {
    frame.entity.malformedHeaderLines.push({ line: reader.number, text: latin1(bytes, start, end) });
    return;
  }
  frame.pending = {
    name: latin1(bytes, start, colon),
    line: reader.number,
    chunks: [latin1(bytes, colon + 1, end)],
  };
}

function flushHeader(frame: Frame): void {
  const pending = frame.pending;
  if (!pending) return;
  frame.pending = undefined;
  const header: MimeHeader = {
    name: pending.name,
    key: pending.name.toLowerCase(),
    value: pending.chunks.join('').trim(),
    line: pending.line,
  };
  frame.entity.headers.push(header);
}

/** Called once the header section is over: decides whether the body is split by a boundary. */
function openBody(frame: Frame, stack: Frame[]): void {
  const entity = frame.entity;
  const contentTypeHeader = entity.headers.find((h) => h.key === 'content-type');
  entity.contentType = contentTypeHeader ? parseStructuredHeader(contentTypeHeader.value) : undefined;
  frame.state = 'leaf';
  if (!entity.contentType?.mediaType.startsWith('multipart/')) return;
  const boundary = entity.contentType.params.get('boundary');
  const facts: MultipartFacts = {
    boundary,
    boundaryProblem: boundaryProblem(boundary),
    reusesAncestorBoundary: false,
    tooDeep: false,
    delimiters: 0,
    closed: false,
    partsDropped: 0,
  };
  entity.multipart = facts;
  if (facts.boundaryProblem || boundary === undefined || !entity.hasBodySeparator) return;
  const dashBoundary = asciiBytes(`--${boundary}`);
  facts.reusesAncestorBoundary = stack.some((f) => f.dashBoundary && sameBytes(f.dashBoundary, dashBoundary));
  facts.tooDeep = frame.depth >= MAX_MULTIPART_DEPTH;
  if (facts.reusesAncestorBoundary || facts.tooDeep) return;
  frame.state = 'multipart';
  frame.dashBoundary = dashBoundary;
}

function finishFrame(frame: Frame, end: number): void {
  const entity = frame.entity;
  entity.end = end;
  if (frame.state !== 'headers') return;
  flushHeader(frame);
  // A part with no lines at all is an empty part (RFC 2046 allows it), not a missing separator.
  entity.hasBodySeparator = !frame.sawLine;
  entity.bodyStart = end;
  openBody(frame, []);
}

function boundaryProblem(boundary: string | undefined): string | undefined {
  if (boundary === undefined) return 'has no boundary parameter';
  if (boundary.length === 0) return 'has an empty boundary';
  if (boundary.length > 70) return `has a boundary of ${boundary.length} characters (at most 70)`;
  if (!BOUNDARY.test(boundary))
    return `has a boundary "${boundary}" with characters outside the RFC 2046 bchars`;
  return undefined;
}

/** Which open multipart, if any, the current line delimits: `--boundary` or `--boundary--`, plus optional padding. */
function matchDelimiter(
  bytes: Uint8Array,
  reader: LineReader,
  stack: Frame[],
): { level: number; kind: 'part' | 'close' } | undefined {
  for (let level = stack.length - 1; level >= 0; level--) {
    const dash = (stack[level] as Frame).dashBoundary;
    if (!dash || reader.length < dash.length) continue;
    let i = 0;
    while (i < dash.length && bytes[reader.start + i] === dash[i]) i++;
    if (i < dash.length) continue;
    let at = reader.start + dash.length;
    let kind: 'part' | 'close' = 'part';
    if (bytes[at] === 0x2d && bytes[at + 1] === 0x2d && at + 1 < reader.end) {
      kind = 'close';
      at += 2;
    }
    while (at < reader.end && (bytes[at] === 0x20 || bytes[at] === 0x09)) at++;
    if (at === reader.end) return { level, kind };
  }
  return undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** One character per octet, so header text keeps 8-bit octets visible for the 7-bit checks. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let from = start; from < end; from += 8192) {
    // `apply` takes the typed array as it is; spreading it first made an array per line (6× slower).
    out += String.fromCharCode.apply(
      null,
      bytes.subarray(from, Math.min(end, from + 8192)) as unknown as number[],
    );
  }
  return out;
}
