/**
 * `--only GLOB[,GLOB…]`: `*` matches any run of characters, `?` one. A glob selects a property
 * when it matches the property's name or one of its rule ids (`--only C-ADDR4`).
 */
import type { PropertyDefinition } from '../properties/property.ts';

function globRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${escaped}$`, 'i');
}

export function parseOnly(only: string | undefined): string[] {
  return (only ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g.length > 0);
}

/** Whether `--only` keeps a property (or a replay entry) with this name and these rule ids. */
export function onlyMatcher(globs: readonly string[]): (name: string, rules: readonly string[]) => boolean {
  if (globs.length === 0) return () => true;
  const patterns = globs.map(globRegExp);
  return (name, rules) => patterns.some((re) => re.test(name) || rules.some((rule) => re.test(rule)));
}

export function selectProperties(
  properties: readonly PropertyDefinition[],
  globs: readonly string[],
): PropertyDefinition[] {
  const keeps = onlyMatcher(globs);
  return properties.filter((p) => keeps(p.name, p.rules));
}
