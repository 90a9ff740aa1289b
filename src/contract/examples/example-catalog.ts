/**
 * The catalog of named request examples in this folder: `valid/<name>.json` must be accepted, and
 * `<RULE-ID>/<name>.json` breaks that one rule. Each file is
 * `{ operation, description, reports?, exercises?, advice?, body }`; `reports` lists the rule ids the
 * engine reports when they differ from the folder's (C-DEST3 is reported under the address rule that
 * failed); `exercises` (valid examples) names the rules whose edge the example sits on (50
 * recipients, a 64-octet local part, a 998-octet MIME line, …); `advice` names the ADVISE rules the
 * example draws (a valid request SES accepts but whose result the sender did not mean: C-ADDR8, …).
 * A few examples are too large for a file and are built in code instead (`builtExamples`).
 * Node-only: tests, docs and the CLI read it; the engine itself never does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOversizedRawBody } from '../mime/build-raw-message.ts';
import type { Operation } from '../operations.ts';
import { isRuleId, type RuleId } from '../rule-catalog.ts';

export const EXAMPLES_DIR = fileURLToPath(new URL('.', import.meta.url));

export type Example = {
  /** `valid/simple-text`, `C-ADDR4/unicode-domain`, … */
  name: string;
  /** The JSON file, or `(built in code)` for `builtExamples`. */
  file: string;
  label: 'valid' | RuleId;
  operation: Operation;
  description: string;
  /** Rule ids the engine reports (strict): [] for valid examples. */
  reports: RuleId[];
  /** For valid examples: the rules it shows being kept, near their limits. */
  exercises: RuleId[];
  /** The ADVISE rules the engine finds in it (usually in valid examples): [] when none. */
  advice: RuleId[];
  body: unknown;
};

function ruleIds(name: string, member: string, ids: readonly string[] | undefined): RuleId[] {
  return (ids ?? []).map((id) => {
    if (!isRuleId(id)) throw new Error(`examples/${name}: ${member} names ${id}, which is not a rule id`);
    return id;
  });
}

export function loadExamples(): Example[] {
  const examples: Example[] = [];
  for (const folder of readdirSync(EXAMPLES_DIR, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const label = folder.name;
    if (label !== 'valid' && !isRuleId(label))
      throw new Error(`examples/${label}: not 'valid' nor a rule id`);
    for (const entry of readdirSync(join(EXAMPLES_DIR, label)).sort()) {
      if (!entry.endsWith('.json')) continue;
      const file = join(EXAMPLES_DIR, label, entry);
      const json = JSON.parse(readFileSync(file, 'utf8')) as {
        operation: Operation;
        description: string;
        reports?: string[];
        exercises?: string[];
        advice?: string[];
        body: unknown;
      };
      const name = `${label}/${entry.slice(0, -5)}`;
      const reports =
        label === 'valid' ? [] : json.reports ? ruleIds(name, 'reports', json.reports) : [label];
      examples.push({
        name,
        file,
        label,
        operation: json.operation,
        description: json.description,
        reports,
        exercises: ruleIds(name, 'exercises', json.exercises),
        advice: ruleIds(name, 'advice', json.advice),
        body: json.body,
      });
    }
  }
  return examples;
}

/**
 * Examples that do not fit in a file (C-MIME9: over 40 MiB of base64). The body is built each time
 * it is read, so loading the list costs nothing and a reader can let each body go after use.
 */
export function builtExamples(): Example[] {
  const built = (name: string, description: string, build: () => unknown): Example => ({
    name: `C-MIME9/${name}`,
    file: '(built in code: src/contract/mime/build-raw-message.ts)',
    label: 'C-MIME9',
    operation: 'send-email',
    description,
    reports: ['C-MIME9'],
    exercises: [],
    advice: [],
    get body() {
      return build();
    },
  });
  return [
    built(
      'oversized-attachment',
      'A well-formed multipart/mixed message with a 24 MiB attachment: its base64 is over 40 MiB; the recipients are in its headers.',
      buildOversizedRawBody,
    ),
    built(
      'oversized-with-destination',
      'The same oversized message sent with a Destination: the size limit holds whoever names the recipients.',
      () => ({ ...buildOversizedRawBody(), Destination: { ToAddresses: ['recipient@example.com'] } }),
    ),
  ];
}
