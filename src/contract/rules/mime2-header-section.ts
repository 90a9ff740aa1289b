import { entitiesOf, entityPointer, type RawMessage } from '../mime/mime-entity.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-MIME2 MUST. The decoded message has a header section and a body separated by the first empty
 * line. Header lines are `Name: value` (name of printable ASCII 33–126 except `:`), or folded
 * continuations starting with space or tab.
 *
 * Applied to the message and to every MIME part (C-MIME7 requires well-formed parts). A part with no
 * lines at all is an empty part, which RFC 2046 allows. One violation per entity for its bad lines
 * (the first is quoted, the rest counted), one for a missing empty line.
 */
export function checkHeaderSections(message: RawMessage): Violation[] {
  const out: Violation[] = [];
  for (const entity of entitiesOf(message.root)) {
    const where = entity.path === '' ? 'the message' : `part ${entity.path.slice('/part/'.length)}`;
    const path = entityPointer(message, entity);
    const [first, ...rest] = entity.malformedHeaderLines;
    if (first) {
      const more = rest.length > 0 ? ` (and ${rest.length} more such lines)` : '';
      out.push(
        violation(
          'C-MIME2',
          path,
          `line ${first.line} in the header section of ${where} is neither "Name: value" nor a folded continuation: ${quote(first.text)}${more}`,
        ),
      );
    }
    if (!entity.hasBodySeparator) {
      out.push(violation('C-MIME2', path, `the header section of ${where} is not ended by an empty line`));
    }
  }
  return out;
}

function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(shown);
}
