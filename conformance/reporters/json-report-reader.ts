/**
 * Reads a JSON report (`--reporter json`) back into the report and context the reporters take, for
 * `report merge`. A failure keeps the view the run rendered (request, response, curl, replay), so a
 * merged report prints each failure exactly as its shard did. Anything that is not such a report is
 * a sentence saying what is wrong, never a half-read report.
 */
import { isRuleId } from '../../src/contract/rule-catalog.ts';
import type { Operation } from '../case.ts';
import type { Problem } from '../properties/problem.ts';
import type { CommandContext } from '../runner/replay-command.ts';
import {
  type ConformanceReport,
  type PropertyResult,
  type RunSelection,
  resultSummary,
} from '../runner/run-conformance.ts';
import type { RunCoverage } from '../runner/run-coverage.ts';
import type { FailureView } from './failure-view.ts';

export type ReadReport = { report: ConformanceReport; context: CommandContext };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

class NotAReport extends Error {}

function need<T>(value: unknown, ok: (v: unknown) => v is T, where: string): T {
  if (!ok(value)) throw new NotAReport(`${where} is missing or malformed`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isOperation = (v: unknown): v is Operation => v === 'send-email' || v === 'send-bulk-email';

function readView(r: Json, where: string): FailureView {
  const request = need(r.counterexample, isObject, `${where}.counterexample`);
  const response = need(r.response, isObject, `${where}.response`);
  return {
    request: {
      method: need(request.method, isString, `${where}.counterexample.method`),
      url: need(request.url, isString, `${where}.counterexample.url`),
      headers: need(request.headers, isObject, `${where}.counterexample.headers`) as Record<string, string>,
      body: request.body,
    },
    ...(isNumber(response.status)
      ? {
          response: {
            status: response.status,
            headers: (isObject(response.headers) ? response.headers : {}) as Record<string, string>,
            body: response.body,
          },
        }
      : { error: isString(response.error) ? response.error : 'no response' }),
    curl: need(r.curl, isString, `${where}.curl`),
    replay: need(r.replay, isString, `${where}.replay`),
  };
}

function readResult(value: unknown, index: number): PropertyResult {
  const where = `results[${index}]`;
  const r = need(value, isObject, where);
  const rules = need(r.rules, Array.isArray, `${where}.rules`);
  if (!rules.every((rule) => isString(rule) && isRuleId(rule)))
    throw new NotAReport(`${where}.rules is malformed`);
  const status = r.status;
  if (status !== 'passed' && status !== 'failed' && status !== 'not-run')
    throw new NotAReport(`${where}.status is malformed`);
  const result: PropertyResult = {
    property: need(r.property, isString, `${where}.property`),
    operation: need(r.operation, isOperation, `${where}.operation`),
    rules: rules as PropertyResult['rules'],
    level: r.level === 'SHOULD' ? 'SHOULD' : 'MUST',
    status,
    runs: need(r.runs, isCount, `${where}.runs`),
    cases: isCount(r.cases) ? r.cases : 0,
    seed: isNumber(r.seed) ? r.seed : 0,
    durationMs: isNumber(r.durationMs) ? r.durationMs : 0,
    ...(isObject(r.runsCapped) ? { runsCapped: r.runsCapped as { at: number; reason: string } } : {}),
    ...(isObject(r.budgetCut) ? { budgetCut: r.budgetCut as { asked: number } } : {}),
  };
  if (status !== 'failed') return result;
  const problem = need(r.problem, isObject, `${where}.problem`);
  const view = readView(r, where);
  const rule = need(problem.rule, isString, `${where}.problem.rule`);
  if (!isRuleId(rule)) throw new NotAReport(`${where}.problem.rule is not a rule id`);
  const cites = Array.isArray(problem.cites) ? problem.cites.filter((c) => isString(c) && isRuleId(c)) : [];
  const body = typeof view.request.body === 'string' ? view.request.body : JSON.stringify(view.request.body);
  return {
    ...result,
    failure: {
      problem: {
        rule,
        message: need(problem.message, isString, `${where}.problem.message`),
        cites,
      } as Problem,
      // What the shard sent, as far as a report keeps it; reporters print `view`.
      exchange: {
        case: { operation: result.operation, text: body },
        request: { ...view.request, body },
        ...(view.response
          ? {
              response: {
                status: view.response.status,
                headers: view.response.headers,
                body:
                  typeof view.response.body === 'string'
                    ? view.response.body
                    : JSON.stringify(view.response.body),
              },
            }
          : { error: view.error ?? 'no response' }),
        durationMs: 0,
      },
      counterexample: view.request,
      path: isString(r.path) ? r.path : '',
      shrinks: isCount(r.shrinks) ? r.shrinks : 0,
      view,
    },
  };
}

function readCoverage(value: unknown): RunCoverage {
  const c = need(value, isObject, 'coverage');
  const rules = need(c.rules, Array.isArray, 'coverage.rules');
  for (const [i, row] of rules.entries()) {
    const r = need(row, isObject, `coverage.rules[${i}]`);
    if (!isString(r.rule) || !isRuleId(r.rule) || !isCount(r.valid) || !isCount(r.broken)) {
      throw new NotAReport(`coverage.rules[${i}] is malformed`);
    }
    const places = need(r.places, Array.isArray, `coverage.rules[${i}].places`);
    if (!places.every((p) => isObject(p) && isString(p.clause) && isString(p.place) && isCount(p.cases))) {
      throw new NotAReport(`coverage.rules[${i}].places is malformed`);
    }
  }
  return {
    cases: isCount(c.cases) ? c.cases : 0,
    rules: rules as RunCoverage['rules'],
    unexercised: (Array.isArray(c.unexercised) ? c.unexercised : []) as RunCoverage['unexercised'],
  };
}

function readSelection(value: unknown): RunSelection {
  const s = need(value, isObject, 'selection');
  const only = need(s.only, Array.isArray, 'selection.only');
  if (!only.every(isString)) throw new NotAReport('selection.only is malformed');
  const maxTimeMs = s.maxTimeMs;
  if (maxTimeMs !== null && !isCount(maxTimeMs)) throw new NotAReport('selection.maxTimeMs is malformed');
  return {
    runs: need(s.runs, isCount, 'selection.runs'),
    only,
    ...(maxTimeMs !== null ? { maxTimeMs } : {}),
  };
}

/** The report in `text`, or why it is not a JSON report of `ses-contract conform`. */
export function readJsonReport(text: string): ReadReport | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  try {
    const top = need(json, isObject, 'the report');
    const profile = top.profile;
    if (profile !== 'documented' && profile !== 'aws')
      throw new NotAReport('profile is missing or malformed');
    const seed = need(top.seed, isNumber, 'seed');
    const strict = need(top.strict, isBoolean, 'strict');
    const baseUrl = need(top.baseUrl, isString, 'baseUrl');
    const summary = need(top.summary, isObject, 'summary');
    const results = need(top.results, Array.isArray, 'results').map(readResult);
    if (top.coverage === undefined) {
      throw new NotAReport('coverage is missing: the report was written by an older ses-contract');
    }
    const coverage = readCoverage(top.coverage);
    const shard =
      isObject(top.shard) && isCount(top.shard.index) && isCount(top.shard.count)
        ? { index: top.shard.index, count: top.shard.count }
        : undefined;
    const selection = top.selection === undefined ? undefined : readSelection(top.selection);
    const report: ConformanceReport = {
      profile,
      baseUrl,
      seed,
      strict,
      summary: resultSummary(results, isNumber(summary.durationMs) ? summary.durationMs : 0),
      results,
      coverage,
      ...(selection ? { selection } : {}),
      ...(shard ? { shard } : {}),
      ...(isString(top.targetDied) ? { targetDied: top.targetDied } : {}),
    };
    const from = isString(top.from) ? top.from : 'sender@example.com';
    return { report, context: { profile, strict, from, seed } };
  } catch (error) {
    if (error instanceof NotAReport) return `not a JSON report of ses-contract conform: ${error.message}`;
    throw error;
  }
}
