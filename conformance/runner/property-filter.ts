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

export function selectProperties(
  properties: readonly PropertyDefinition[],
  globs: readonly string[],
): PropertyDefinition[] {
  if (globs.length === 0) return [...properties];
  const patterns = globs.map(globRegExp);
  return properties.filter((p) =>
    patterns.some((re) => re.test(p.name) || p.rules.some((rule) => re.test(rule))),
  );
}
