/**
 * What the proxy reports: one finding per broken rule, one NDJSON line each, and a tally of them
 * for the summary printed on exit.
 */
import type { RuleId } from '../contract/rule-catalog.ts';
import type { WireProfileName } from '../contract/schema/spec-documents.ts';
import type { ViolationLevel } from '../contract/violation.ts';
import { otherProfileHint } from './other-profile-answer.ts';

export type ProxyFinding = {
  /** The proxy's id for the exchange (`r1`, `r2`, …), shared by every line about it. */
  request: string;
  method: string;
  url: string;
  /** Whose fault: the request (engine rules), the target's answer (wire rules), or the target failing. */
  side: 'request' | 'response' | 'target';
  /** Absent for a target failure, which breaks no rule of the contract. */
  rule?: RuleId;
  clause?: string;
  level?: ViolationLevel;
  /** JSON pointer into the request body (request side). */
  path?: string;
  message: string;
  /** The answer's status: the target's, or the proxy's own 4xx / 502 / 504. */
  status?: number;
  /** Request side: whether the request went on to the target or was answered by the proxy (`--reject`). */
  action?: 'forwarded' | 'rejected';
  /** The target's `x-amzn-RequestId`, when it sent one. */
  targetRequestId?: string;
};

export function findingLine(finding: ProxyFinding): string {
  return `${JSON.stringify(finding)}\n`;
}

export type ProxyTally = {
  requests: number;
  /** SendEmail / SendBulkEmail requests the engine checked (printed as "judged"). */
  checked: number;
  forwarded: number;
  rejected: number;
  targetFailures: number;
  /** The proxy's `--profile`. */
  profile: WireProfileName;
  /** Target answers with a response finding, and how many of them had the other profile's shape. */
  faultedAnswers: number;
  otherProfileAnswers: number;
  /** Findings per side, rule and level. */
  findings: Map<string, { side: ProxyFinding['side']; rule: string; level: string; count: number }>;
};

export function emptyTally(profile: WireProfileName): ProxyTally {
  return {
    requests: 0,
    checked: 0,
    forwarded: 0,
    rejected: 0,
    targetFailures: 0,
    profile,
    faultedAnswers: 0,
    otherProfileAnswers: 0,
    findings: new Map(),
  };
}

export function countFinding(tally: ProxyTally, finding: ProxyFinding): void {
  const rule = finding.rule ?? '-';
  const level = finding.level ?? '-';
  const key = `${finding.side} ${rule} ${level}`;
  const row = tally.findings.get(key);
  if (row) row.count++;
  else tally.findings.set(key, { side: finding.side, rule, level, count: 1 });
}

/** The table printed when the proxy stops. */
export function summaryTable(tally: ProxyTally): string {
  const head =
    `ses-contract proxy: ${tally.requests} ${tally.requests === 1 ? 'request' : 'requests'}, ${tally.checked} judged, ${tally.forwarded} forwarded, ` +
    `${tally.rejected} rejected by the proxy, ${tally.targetFailures} target failures\n`;
  if (tally.findings.size === 0) return `${head}no rule broken\n`;
  const hint = otherProfileHint(tally.profile, tally.faultedAnswers, tally.otherProfileAnswers);
  const rows = [...tally.findings.values()].sort(
    (a, b) => a.side.localeCompare(b.side) || b.count - a.count || a.rule.localeCompare(b.rule),
  );
  const lines = rows.map(
    (r) => `  ${r.side.padEnd(9)} ${r.rule.padEnd(9)} ${r.level.padEnd(6)} ${String(r.count).padStart(5)}`,
  );
  // Last, so the likely cause of the rows above is what stays on screen.
  return `${head}  ${'side'.padEnd(9)} ${'rule'.padEnd(9)} ${'level'.padEnd(6)} ${'count'.padStart(5)}\n${lines.join('\n')}\n${hint ? `${hint}\n` : ''}`;
}
