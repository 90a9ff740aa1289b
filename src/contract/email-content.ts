/**
 * The content rules that need code, for `Content` of SendEmail and the `Template` of
 * SendBulkEmail's `DefaultContent`: Simple (C-CONT5), Template (C-CONT5, C-CONT6 SHOULD, C-CONT7)
 * and Raw (section 5).
 */

import { objectAt, stringAt } from './json-reading.ts';
import { checkRawMessage } from './mime/check-raw-message.ts';
import { checkAttachments } from './rules/cont5-attachments.ts';
import { checkOneTemplateSource } from './rules/cont6-one-template-source.ts';
import { checkTemplateDataObject } from './rules/cont7-template-data-object.ts';
import type { Violation } from './violation.ts';

export type ContentReport = {
  violations: Violation[];
  /** Recipients found in the raw MIME To/Cc/Bcc headers, when the content is Raw and parsed that far. */
  rawRecipients?: string[];
};

export function checkTemplate(template: unknown, path: string): Violation[] {
  return [
    ...checkOneTemplateSource(template, path),
    ...checkTemplateDataObject(stringAt(template, 'TemplateData'), `${path}/TemplateData`),
    ...checkAttachments(template, path),
  ];
}

export function checkEmailContent(content: unknown, path: string): ContentReport {
  const violations: Violation[] = [];
  const simple = objectAt(content, 'Simple');
  if (simple) {
    violations.push(...checkAttachments(simple, `${path}/Simple`));
  }
  const template = objectAt(content, 'Template');
  if (template) violations.push(...checkTemplate(template, `${path}/Template`));
  const data = stringAt(objectAt(content, 'Raw'), 'Data');
  if (data === undefined) return { violations };
  const raw = checkRawMessage(data, `${path}/Raw/Data`);
  violations.push(...raw.violations);
  return raw.recipients ? { violations, rawRecipients: raw.recipients } : { violations };
}
