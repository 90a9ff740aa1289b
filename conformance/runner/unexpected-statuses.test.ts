/** Run-level notes for statuses no property expects (403 without a signature, 404 on a wrong base path). */
import { describe, expect, it } from 'vitest';
import type { ConformanceReport, PropertyResult } from './run-conformance.ts';
import { mergeCoverage } from './run-coverage.ts';
import { statusNoteLine, unexpectedStatuses } from './unexpected-statuses.ts';

function result(property: string, status?: number): PropertyResult {
  return {
    property,
    operation: 'send-email',
    rules: ['C-A3'],
    level: 'MUST',
    status: status === undefined ? 'passed' : 'failed',
    runs: 1,
    cases: 1,
    seed: 1,
    durationMs: 1,
    ...(status === undefined
      ? {}
      : {
          failure: {
            problem: { rule: 'C-A3', message: 'x' },
            exchange: {
              case: { operation: 'send-email', body: {} },
              request: { method: 'POST', url: 'http://x/', headers: {}, body: '{}' },
              response: { status, headers: {}, body: '' },
              durationMs: 1,
            },
            counterexample: {},
            path: '0',
            shrinks: 0,
          },
        }),
  };
}

const report = (results: PropertyResult[]): ConformanceReport => ({
  profile: 'aws',
  baseUrl: 'http://x',
  seed: 1,
  strict: false,
  summary: { properties: results.length, passed: 0, failed: 0, notRun: 0, cases: 0, durationMs: 0 },
  results,
  coverage: mergeCoverage([]),
});

describe('unexpectedStatuses', () => {
  it('groups failures by a status no property expects, most frequent first, with a hint', () => {
    const notes = unexpectedStatuses(
      report([
        result('a', 404),
        result('b', 403),
        result('c', 404),
        result('d', 400),
        result('e', 200),
        result('f', 413),
        result('g'),
      ]),
    );
    expect(notes.map((n) => [n.status, n.properties])).toEqual([
      [404, ['a', 'c']],
      [403, ['b']],
    ]);
    expect(statusNoteLine(notes[0] as (typeof notes)[0])).toBe(
      `2 failed properties got HTTP 404 (a, c): ${notes[0]?.hint}.`,
    );
    expect(notes[0]?.hint).toContain('--base-url');
    expect(notes[1]?.hint).toContain('--sign');
  });

  it('calls 5xx a crash and lists at most three properties by name', () => {
    const [note] = unexpectedStatuses(report(['p', 'q', 'r', 's', 't'].map((p) => result(p, 502))));
    expect(note?.hint).toMatch(/crashed/);
    expect(statusNoteLine(note as NonNullable<typeof note>)).toContain('(p, q, r, … 2 more)');
  });
});
