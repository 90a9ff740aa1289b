import { decodeWords } from 'postal-mime';
import { blockedExtension } from '../blocked-extensions.ts';
import { entitiesOf, entityPointer, findHeader, type RawMessage } from '../mime/mime-entity.ts';
import { parseStructuredHeader } from '../mime/structured-header.ts';
import { type Violation, violation } from '../violation.ts';

/**
 * C-MIME8 MUST. A part's `filename` (Content-Disposition or Content-Type `name`) must not have a
 * blocked extension (reference R22).
 *
 * Every spelling a mail client may honour is checked: the plain parameter, its RFC 2231 form
 * (`filename*=UTF-8''x.exe`, continuations) and RFC 2047 encoded-words inside it. One violation per
 * part, naming the first blocked file name.
 */
export function checkAttachmentExtensions(message: RawMessage): Violation[] {
  const out: Violation[] = [];
  for (const entity of entitiesOf(message.root)) {
    const disposition = findHeader(entity, 'content-disposition');
    const dispositionParams = disposition ? parseStructuredHeader(disposition.value).params : undefined;
    const typeParams = entity.contentType?.params;
    const names = [
      dispositionParams?.get('filename'),
      dispositionParams?.get('filename*'),
      typeParams?.get('name'),
      typeParams?.get('name*'),
    ];
    for (const name of names) {
      if (name === undefined) continue;
      const fileName = decodeWords(name);
      const extension = blockedExtension(fileName);
      if (!extension) continue;
      out.push(
        violation(
          'C-MIME8',
          entityPointer(message, entity),
          `the attachment "${fileName}" has the extension .${extension}, which SES blocks`,
        ),
      );
      break;
    }
  }
  return out;
}
