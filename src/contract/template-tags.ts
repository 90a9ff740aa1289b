/**
 * The `{{…}}` tags of an inline template (`TemplateContent`), as the two template rules need them:
 * what kind each tag is and where it starts. Only the Handlebars forms SES's inline templates
 * distinguish are told apart (reference §7.3); anything else inside `{{ }}` is an expression.
 */
import { boundedMemo } from './bounded-memo.ts';

export type TemplateTag = {
  readonly kind: 'variable' | 'unsupported' | 'expression';
  /** The tag as written, shortened for messages. */
  readonly text: string;
  /** 1-based position of its first `{` in the field (in UTF-16 units, as JSON strings count). */
  readonly position: number;
  /** For variables: the name, `a` or `a.b`. */
  readonly name?: string;
  /** For unsupported tags: what it is, for the message. */
  readonly what?: string;
};

const SHOWN = 40;

/**
 * Every tag of `text`, in order; a `{{` escaped as `\{{` is text. C-CONT13 and C-CONT14 both read
 * the tags of each field, so they are cached per text (shared: never change them).
 */
export const templateTags: (text: string) => readonly TemplateTag[] = boundedMemo(tagsOf, {
  entries: 256,
  keyLength: 10_000,
});

function tagsOf(text: string): TemplateTag[] {
  const tags: TemplateTag[] = [];
  for (let at = text.indexOf('{{'); at !== -1; at = text.indexOf('{{', at + 2)) {
    if (at > 0 && text[at - 1] === '\\') continue;
    const close = text.indexOf('}}', at + 2);
    const end = close === -1 ? text.length : close + 2;
    const raw = text.slice(at, end);
    const shown = raw.length > SHOWN ? `${raw.slice(0, SHOWN - 3)}...` : raw;
    const tag = classify(text, at, close);
    tags.push({ ...tag, text: shown, position: at + 1 });
    if (close !== -1) at = close;
  }
  return tags;
}

function classify(text: string, at: number, close: number): Omit<TemplateTag, 'text' | 'position'> {
  if (text[at + 2] === '{') return { kind: 'unsupported', what: 'triple braces (unescaped output)' };
  // `~` trims white space around a tag in Handlebars; it changes nothing about the tag's kind.
  const inner = text
    .slice(at + 2, close === -1 ? text.length : close)
    .replace(/^~/, '')
    .replace(/~$/, '')
    .trim();
  switch (inner[0]) {
    case '#':
      return { kind: 'unsupported', what: 'a block helper' };
    case '/':
      return { kind: 'unsupported', what: 'the end of a block' };
    case '^':
      return { kind: 'unsupported', what: 'an inverted block' };
    case '>':
      return { kind: 'unsupported', what: 'a partial' };
    case '!':
      return { kind: 'unsupported', what: 'a comment' };
  }
  if (/^else(\s|$)/.test(inner)) return { kind: 'unsupported', what: '{{else}}' };
  if (/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/.test(inner)) return { kind: 'variable', name: inner };
  return { kind: 'expression' };
}
