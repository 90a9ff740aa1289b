import { base64Problem } from '../base64.ts';
import { blockedExtension } from '../blocked-extensions.ts';
import { itemsAt, stringAt } from '../json-reading.ts';
import { pointer, type Violation, violation } from '../violation.ts';

const EXTENSION = /\.([^.\s/\\]+)$/;

/**
 * C-CONT5 MUST. Attachments (Simple and Template only): `FileName` 1–255 chars with an extension;
 * an extension in the SES blocked list (reference R22) is invalid; `RawContent` is valid base64;
 * `ContentType` and `ContentId` 1–78 chars; enums as in the model.
 *
 * Lengths and enums are schema keywords (`Attachment` in the spec); this checks the extension and
 * the base64 text.
 */
export function checkAttachments(container: unknown, containerPath: string): Violation[] {
  const violations: Violation[] = [];
  for (const [index, attachment] of itemsAt(container, 'Attachments')) {
    const at = `${containerPath}${pointer('Attachments', index)}`;
    const fileName = stringAt(attachment, 'FileName');
    if (fileName !== undefined && fileName.length > 0) {
      const extension = EXTENSION.exec(fileName)?.[1];
      const blocked = blockedExtension(fileName);
      if (!extension) {
        violations.push(
          violation('C-CONT5.file-name', `${at}/FileName`, `'${fileName}' has no extension; SES needs one`),
        );
      } else if (blocked) {
        violations.push(
          violation(
            'C-CONT5.file-name',
            `${at}/FileName`,
            `the extension .${blocked} is blocked by SES (reference R22)`,
          ),
        );
      }
    }
    const rawContent = stringAt(attachment, 'RawContent');
    if (rawContent !== undefined) {
      const problem = base64Problem(rawContent);
      if (problem)
        violations.push(
          violation('C-CONT5.raw-content', `${at}/RawContent`, `not valid base64: ${problem.reason}`),
        );
    }
  }
  return violations;
}
