import { entitiesOf, entityPointer, type RawMessage } from '../mime/mime-entity.ts';
import { MAX_MULTIPART_DEPTH, MAX_PARTS } from '../mime/parse-mime-structure.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-MIME7 MUST. A `multipart/*` part has a `boundary` parameter (1–70 chars of RFC 2046 bchars), its
 * body contains at least one `--boundary` delimiter line and the closing `--boundary--` line;
 * nested multiparts use distinct boundaries; every sub-part is itself well formed (C-MIME2).
 *
 * Sub-part header syntax is reported as C-MIME2 at the part's path, so a defect has one rule id.
 * A multipart whose own header section never ends has no body to split: that is C-MIME2 alone.
 * A nested multipart reusing an ancestor's boundary is reported once; its delimiters are then read as
 * the ancestor's, as a receiving parser would. Project limits: nesting deeper than 100 multiparts and
 * more than 10,000 parts in one message are reported here as not well formed.
 */
export function checkMultipartStructure(message: RawMessage): Violation[] {
  const out: Violation[] = [];
  for (const entity of entitiesOf(message.root)) {
    const facts = entity.multipart;
    if (!facts || !entity.hasBodySeparator) continue;
    const path = entityPointer(message, entity);
    const what = entity.contentType?.mediaType ?? 'multipart';
    const problem = facts.boundaryProblem
      ? facts.boundaryProblem
      : facts.reusesAncestorBoundary
        ? `reuses the boundary "${facts.boundary}" of an enclosing multipart`
        : facts.tooDeep
          ? `is nested deeper than ${MAX_MULTIPART_DEPTH} multiparts`
          : facts.delimiters === 0
            ? `has no "--${facts.boundary}" delimiter line`
            : !facts.closed
              ? `has no closing "--${facts.boundary}--" delimiter line`
              : facts.partsDropped > 0
                ? `takes the message over ${MAX_PARTS} parts`
                : undefined;
    const which = entity.path === '' ? 'message' : 'part';
    if (problem) out.push(violation('C-MIME7', path, `the ${what} ${which} ${problem}`));
  }
  return out;
}
