/**
 * The catalog of named request examples in this folder: `valid/<name>.json` must be accepted, and
 * `<RULE-ID>/<name>.json` breaks that one rule. Each file is
 * `{ operation, description, reports?, exercises?, body }`; `reports` lists the rule ids the engine
 * reports when they differ from the folder's (C-DEST3 is reported under the address rule that
 * failed); `exercises` (valid examples) names the rules whose edge the example sits on (50
 * recipients, a 64-octet local part, a 998-octet MIME line, …).
 * Node-only: tests, docs and the CLI read it; the engine itself never does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Operation } from '../infer-operation.ts';
import { isRuleId, type RuleId } from '../rule-catalog.ts';

export const EXAMPLES_DIR = fileURLToPath(new URL('.', import.meta.url));

export type Example = {
  /** `valid/simple-text`, `C-ADDR4/unicode-domain`, … */
  name: string;
  file: string;
  label: 'valid' | RuleId;
  operation: Operation;
  description: string;
  /** Rule ids the engine reports (strict): [] for valid examples. */
  reports: RuleId[];
  /** For valid examples: the rules it shows being kept, near their limits. */
  exercises: RuleId[];
  body: unknown;
};

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
      const json = JSON.parse(readFileSync(file, 'utf8')) as Omit<
        Example,
        'name' | 'file' | 'label' | 'exercises'
      > & {
        exercises?: string[];
      };
      const name = `${label}/${entry.slice(0, -5)}`;
      const reports = label === 'valid' ? [] : (json.reports ?? [label as RuleId]);
      const exercises = (json.exercises ?? []).map((id) => {
        if (!isRuleId(id)) throw new Error(`examples/${name}: exercises names ${id}, which is not a rule id`);
        return id;
      });
      examples.push({ ...json, name, file, label, reports, exercises });
    }
  }
  return examples;
}
