/**
 * Cases that break exactly one SHOULD clause (and no MUST rule): only `--strict` runs send them,
 * and a strict implementation rejects them. They are the SHOULD cells of the registry, in every
 * place it lists (see invalid-send-email.ts and invalid-send-bulk-email.ts), one class per rule,
 * or per rule and clause where the rule has a MUST clause too (`C-ADDR5.label-shape`).
 */
import type { InvalidCatalog } from './invalid-cell.ts';
import { catalogOf } from './invalid-cell.ts';
import { sendBulkEmailCells } from './invalid-send-bulk-email.ts';
import { OWN_PROPERTY_RULES, sendEmailCells } from './invalid-send-email.ts';

export function shouldSendEmailCases(from: string): InvalidCatalog {
  return catalogOf(
    sendEmailCells(from).filter((c) => !OWN_PROPERTY_RULES.includes(c.rule)),
    'SHOULD',
  );
}

export function shouldSendBulkEmailCases(from: string): InvalidCatalog {
  return catalogOf(
    sendBulkEmailCells(from).filter((c) => !OWN_PROPERTY_RULES.includes(c.rule)),
    'SHOULD',
  );
}
