/**
 * Stored templates (`TemplateName` / `TemplateArn`) as SES renders them (reference §7.3): Handlebars
 * with only the built-in helpers, no registered partials and no HTML escaping. Each template gets
 * parsed once, when the library is made, so a malformed one is an error at startup rather than a
 * Rendering Failure on every send; the compiled function is kept and reused.
 *
 * Browser-safe: no `node:` imports (the MSW handlers render in service workers too).
 */
import Handlebars from 'handlebars';
import { isJsonObject } from '../contract/json-reading.ts';

/** A template as `CreateEmailTemplate`'s `TemplateContent` holds it. */
export type StoredTemplateContent = { Subject?: string; Text?: string; Html?: string };

export const TEMPLATE_PARTS = ['Subject', 'Text', 'Html'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

export type CompiledPart = {
  render(data: unknown): string;
  /** `line:column` of each path expression → the path as written, to name a missing variable. */
  pathsAt: ReadonlyMap<string, string>;
};

export type CompiledTemplate = { name: string } & Partial<Record<TemplatePart, CompiledPart>>;

export type TemplateLibrary = {
  get(name: string): CompiledTemplate | undefined;
  readonly names: readonly string[];
};

/** A template that cannot be used: not shaped like `TemplateContent`, or not valid Handlebars. */
export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';
  constructor(
    readonly template: string,
    readonly part: TemplatePart | undefined,
    readonly reason: string,
  ) {
    super(`template ${template}${part ? ` (${part})` : ''}: ${reason}`);
  }
}

/**
 * `strict`: a path in output position that has no value throws, at run time, so only the branches
 * actually taken count and `{{#each}}` / `{{#with}}` contexts are followed (an AST walk would have
 * to re-implement both). `null` counts as missing for SES; strict mode accepts it, so nulls are
 * removed from the data before rendering (see `withoutNulls`).
 */
const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

function pathsOf(program: hbs.AST.Program): Map<string, string> {
  const paths = new Map<string, string>();
  const visitor = new Handlebars.Visitor();
  visitor.PathExpression = (path: hbs.AST.PathExpression) => {
    paths.set(`${path.loc.start.line}:${path.loc.start.column}`, path.original);
  };
  visitor.accept(program);
  return paths;
}

/**
 * Handlebars' parse errors span four lines (position, source excerpt, caret, expectation); a
 * startup error is one line, so keep the position and the expectation.
 */
function oneLine(message: string): string {
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 2 ? `${lines[0]} ${lines[lines.length - 1]}` : lines.join(' ');
}

/** Checks the shape of one template and compiles it with `instance` (one per library: isolated). */
export function compileStoredTemplate(
  instance: typeof Handlebars,
  name: string,
  content: unknown,
): CompiledTemplate {
  if (!isJsonObject(content)) throw new TemplateSyntaxError(name, undefined, 'not a JSON object');
  const unknown = Object.keys(content).filter((key) => !(TEMPLATE_PARTS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new TemplateSyntaxError(
      name,
      undefined,
      `unknown member ${unknown.map((k) => JSON.stringify(k)).join(', ')} (a template has Subject, Text and Html)`,
    );
  }
  const compiled: CompiledTemplate = { name };
  for (const part of TEMPLATE_PARTS) {
    const source = content[part];
    if (source === undefined) continue;
    if (typeof source !== 'string') throw new TemplateSyntaxError(name, part, 'not a string');
    let program: hbs.AST.Program;
    try {
      program = instance.parse(source);
    } catch (error) {
      throw new TemplateSyntaxError(name, part, oneLine((error as Error).message));
    }
    const render = instance.compile(program, COMPILE_OPTIONS);
    compiled[part] = { render: (data) => render(data), pathsAt: pathsOf(program) };
  }
  if (TEMPLATE_PARTS.every((part) => compiled[part] === undefined)) {
    throw new TemplateSyntaxError(name, undefined, 'no Subject, Text or Html');
  }
  return compiled;
}

/** A library of stored templates by name; throws `TemplateSyntaxError` for the first bad one. */
export function createTemplateLibrary(templates: Readonly<Record<string, unknown>>): TemplateLibrary {
  const instance = Handlebars.create();
  const byName = new Map<string, CompiledTemplate>();
  for (const [name, content] of Object.entries(templates)) {
    byName.set(name, compileStoredTemplate(instance, name, content));
  }
  return { get: (name) => byName.get(name), names: [...byName.keys()] };
}
