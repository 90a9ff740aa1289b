/**
 * One line per HTTP status that failed properties got although no property expects it (valid
 * requests expect 200, invalid ones 400, or 413 / 415 where a rule allows). A whole run failing
 * on 403 or 404 is one configuration problem (no signature, wrong base path), not dozens of
 * contract breaches, and the line says so with the likely fix.
 */
import type { ConformanceReport } from './run-conformance.ts';

const EXPECTED = new Set([200, 400, 413, 415]);

export type StatusNote = { status: number; properties: string[]; hint: string };

function hint(status: number): string {
  if (status === 401 || status === 403)
    return 'the implementation refuses unauthenticated requests: run again with --sign';
  if (status === 404)
    return 'nothing answers at the operation paths: check --base-url (include a base path such as /prod) and that the implementation serves the SES v2 REST paths';
  if (status === 405) return 'the implementation does not take POST at the operation paths';
  if (status === 429) return 'the implementation throttles: lower --concurrency';
  if (status >= 500)
    return 'server errors: the implementation crashed on these requests (never 5xx: C-W3 / C-A3)';
  return `a status the contract never asks for${status >= 400 && status < 500 ? ' (invalid requests get 400)' : ''}`;
}

export function unexpectedStatuses(report: ConformanceReport): StatusNote[] {
  const byStatus = new Map<number, string[]>();
  for (const result of report.results) {
    const status = result.failure?.exchange.response?.status;
    if (status === undefined || EXPECTED.has(status)) continue;
    byStatus.set(status, [...(byStatus.get(status) ?? []), result.property]);
  }
  return [...byStatus.entries()]
    .sort(([, a], [, b]) => b.length - a.length)
    .map(([status, properties]) => ({ status, properties, hint: hint(status) }));
}

/** `N failed properties got HTTP S (e.g. p1, p2): hint.` */
export function statusNoteLine(note: StatusNote): string {
  const shown = note.properties.slice(0, 3).join(', ');
  const more = note.properties.length > 3 ? `, … ${note.properties.length - 3} more` : '';
  const count = note.properties.length;
  return `${count} failed propert${count === 1 ? 'y' : 'ies'} got HTTP ${note.status} (${shown}${more}): ${note.hint}.`;
}
