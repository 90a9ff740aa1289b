/**
 * The content rules that need code, for `Content` of SendEmail and the `Template` of
 * SendBulkEmail's `DefaultContent`: Simple (C-CONT4 reserved names, C-CONT5), Template (the same,
 * C-CONT6 SHOULD, C-CONT7, C-CONT13) and Raw (section 5). C-CONT14 needs the data each message is
 * rendered with, so the operations call it themselves.
 */

import { objectAt, stringAt } from './json-reading.ts';
import type { ParsedText } from './json-text.ts';
import { checkRawMessage, type RecipientHeaderCounts } from './mime/check-raw-message.ts';
import { checkReservedHeaderNames } from './rules/cont4-reserved-header-names.ts';
import { checkAttachments } from './rules/cont5-attachments.ts';
import { checkOneTemplateSource } from './rules/cont6-one-template-source.ts';
import { checkTemplateDataObject } from './rules/cont7-template-data-object.ts';
import { checkInlineTemplateOperations } from './rules/cont13-inline-template-operations.ts';
import type { Violation } from './violation.ts';

export type ContentReport = {
  violations: Violation[];
  /** Recipients found in the raw MIME To/Cc/Bcc headers, when the content is Raw and parsed that far. */
  rawRecipients?: string[];
  /** The same recipients counted per header kind (To, Cc, Bcc). */
  rawRecipientHeaders?: RecipientHeaderCounts;
};

/** `templateData`: the template's `TemplateData`, parsed by the operation (`parseJsonText`). */
export function checkTemplate(
  template: unknown,
  path: string,
  templateData: ParsedText | undefined,
): Violation[] {
  return [
    ...checkOneTemplateSource(template, path),
    ...checkTemplateDataObject(templateData, `${path}/TemplateData`),
    ...checkAttachments(template, path),
    ...checkReservedHeaderNames(template, path),
    ...checkInlineTemplateOperations(template, path),
  ];
}

/** `templateData`: the `TemplateData` of `Content.Template`, parsed by the operation. */
export function checkEmailContent(
  content: unknown,
  path: string,
  templateData: ParsedText | undefined,
): ContentReport {
  const violations: Violation[] = [];
  const simple = objectAt(content, 'Simple');
  if (simple) {
    violations.push(
      ...checkAttachments(simple, `${path}/Simple`),
      ...checkReservedHeaderNames(simple, `${path}/Simple`),
    );
  }
  const template = objectAt(content, 'Template');
  if (template) violations.push(...checkTemplate(template, `${path}/Template`, templateData));
  const data = stringAt(objectAt(content, 'Raw'), 'Data');
  if (data === undefined) return { violations };
  const raw = checkRawMessage(data, `${path}/Raw/Data`);
  violations.push(...raw.violations);
  if (!raw.recipients) return { violations };
  return {
    violations,
    rawRecipients: raw.recipients,
    ...(raw.recipientHeaders ? { rawRecipientHeaders: raw.recipientHeaders } : {}),
  };
}
