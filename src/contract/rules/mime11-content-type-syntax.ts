import { entitiesOf, headerPointer, type RawMessage } from '../mime/mime-entity.ts';
import { type Violation, violation } from '../violation.ts';

/** RFC 2045 tspecials: not allowed in a token. */
const TSPECIALS = new Set('()<>@,;:\\"/[]?=');

/**
 * C-MIME11 SHOULD. `Content-Type` is `type/subtype` followed by `;`-separated `attribute=value`
 * parameters (token or quoted-string); `Content-Disposition` is a token followed by the same
 * parameters (SES's SMTP interface: "Expected '/', got ;").
 *
 * As lenient as SES's parser (JavaMail's `ContentType`) where the RFC is stricter: white space and
 * comments between the pieces and one trailing `;` are accepted. Every header section is checked.
 */
export function checkContentTypeSyntax(message: RawMessage): Violation[] {
  const out: Violation[] = [];
  for (const entity of entitiesOf(message.root)) {
    for (const header of entity.headers) {
      if (header.key !== 'content-type' && header.key !== 'content-disposition') continue;
      const problem = structuredValueProblem(header.value, header.key === 'content-type');
      if (!problem) continue;
      const shown =
        header.value.trim().length > 60 ? `${header.value.trim().slice(0, 57)}...` : header.value.trim();
      out.push(
        violation(
          'C-MIME11',
          headerPointer(message, entity, header.name),
          `${header.name} "${shown}": ${problem}${header.key === 'content-type' ? ' (the form is type/subtype; attribute=value)' : ' (the form is disposition; attribute=value)'}`,
        ),
      );
    }
  }
  return out;
}

/** What is wrong with a Content-Type (`mediaType`) or Content-Disposition value, if anything. */
export function structuredValueProblem(value: string, mediaType: boolean): string | undefined {
  const reader = new ValueReader(value);
  const head = reader.token();
  if (!head) return reader.expected('a type');
  if (mediaType) {
    if (!reader.take('/')) return reader.expected(`'/' after '${head}'`);
    if (!reader.token()) return reader.expected(`a subtype after '${head}/'`);
  }
  while (!reader.atEnd()) {
    if (!reader.take(';')) return reader.expected("';' before the next parameter");
    if (reader.atEnd()) break;
    const name = reader.token();
    if (!name) return reader.expected('a parameter name');
    if (!reader.take('=')) return reader.expected(`'=' after the parameter name '${name}'`);
    if (reader.peek() === '"') {
      if (!reader.quoted()) return 'a quoted parameter value is not closed';
    } else if (!reader.token()) {
      return reader.expected(`a value for '${name}' (a token or a quoted string)`);
    }
  }
  return undefined;
}

/** Reads RFC 2045 tokens, specials and quoted strings, skipping white space and comments before each. */
class ValueReader {
  private at = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    this.skip();
    return this.at >= this.text.length;
  }

  peek(): string | undefined {
    this.skip();
    return this.text[this.at];
  }

  take(special: string): boolean {
    if (this.peek() !== special) return false;
    this.at++;
    return true;
  }

  token(): string | undefined {
    this.skip();
    const from = this.at;
    while (
      this.at < this.text.length &&
      isTokenChar(this.text.charCodeAt(this.at), this.text[this.at] as string)
    )
      this.at++;
    return this.at > from ? this.text.slice(from, this.at) : undefined;
  }

  /** A quoted string at the cursor; false when it is not closed. */
  quoted(): boolean {
    this.at++;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === '\\') this.at += 2;
      else if (c === '"') {
        this.at++;
        return true;
      } else this.at++;
    }
    return false;
  }

  expected(what: string): string {
    this.skip();
    const c = this.text[this.at];
    const found = c === undefined ? 'the end of the value' : `'${c}' at position ${this.at + 1}`;
    return `expected ${what}, found ${found}`;
  }

  private skip(): void {
    for (;;) {
      while (this.at < this.text.length && /[ \t\r\n]/.test(this.text[this.at] as string)) this.at++;
      if (this.text[this.at] !== '(') return;
      let depth = 0;
      while (this.at < this.text.length) {
        const c = this.text[this.at];
        if (c === '\\') this.at++;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) {
          this.at++;
          break;
        }
        this.at++;
      }
    }
  }
}

function isTokenChar(code: number, c: string): boolean {
  return code > 0x20 && code < 0x7f && !TSPECIALS.has(c);
}
