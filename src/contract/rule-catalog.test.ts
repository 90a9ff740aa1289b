import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_LEVELS, type RuleId } from './rule-catalog.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RULE_LINE = /^- (C-[A-Z]+\d+) (MUST|SHOULD|ADVISE|OPEN)\b/gm;

function rulesIn(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(RULE_LINE)].map((m) => [m[1] as string, m[2] as string]));
}

const projectRules = rulesIn(readFileSync(join(ROOT, 'spec/RULES.md'), 'utf8'));
const specText = ['spec/sesv2.openapi.yaml', 'spec/sesv2.aws.openapi.yaml']
  .map((f) => readFileSync(join(ROOT, f), 'utf8'))
  .join('\n');

function sourcesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('spec/RULES.md', () => {
  it('defines exactly the rules of the catalog, at the same levels', () => {
    expect(Object.fromEntries(projectRules)).toEqual(RULE_LEVELS);
  });

  it('defines every rule id the spec uses, and the spec uses every rule that is not OPEN', () => {
    const used = new Set([...specText.matchAll(/C-[A-Z]+\d+/g)].map((m) => m[0]));
    expect([...used].filter((id) => !projectRules.has(id))).toEqual([]);
    // Section 8 depends on the target's identities, sandbox and rate: no request schema can hold it.
    const unused = [...projectRules]
      .filter(([id, level]) => level !== 'OPEN' && !id.startsWith('C-ID') && !used.has(id))
      .map(([id]) => id);
    expect(unused).toEqual([]);
  });

  const shared = join(ROOT, '../shared/reference/contract-rules.md');
  it.runIf(existsSync(shared))('keeps every rule of the shared reference at its level', () => {
    const reference = rulesIn(readFileSync(shared, 'utf8'));
    expect(reference.size).toBeGreaterThan(40);
    for (const [id, level] of reference) expect([id, projectRules.get(id)]).toEqual([id, level]);
  });
});

describe('rule implementations', () => {
  const requestRules = (Object.entries(RULE_LEVELS) as Array<[RuleId, string]>).filter(
    ([id, level]) => level !== 'OPEN' && !/^C-(W|A|ID)\d/.test(id),
  );
  const code = sourcesBelow(join(ROOT, 'src/contract')).map((f) => readFileSync(f, 'utf8'));
  const taggedInSpec = new Set([...specText.matchAll(/x-ses-rule: (C-[A-Z]+\d+)/g)].map((m) => m[1]));

  it.each(requestRules)('%s is enforced by a schema keyword or a documented rule function', (id, level) => {
    const docComment = new RegExp(`${id} ${level}\\b`);
    const documented = code.some((text) => docComment.test(text));
    expect(documented || taggedInSpec.has(id)).toBe(true);
  });
});
