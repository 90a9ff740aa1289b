/**
 * The path of a request target (`/v2/email/outbound-emails?x=1` → `/v2/email/outbound-emails`), as
 * the WHATWG URL parser gives it. Parsing a URL costs more than the rest of routing together, so a
 * target that is plainly a path already — letters, digits, `_`, `-` and single-slash-led segments,
 * where the parser has nothing to normalise — is taken as it is.
 */
const PLAIN_PATH = /^\/(?!\/)[\w\-/]*$/;

export function requestPath(target: string): string {
  if (PLAIN_PATH.test(target)) return target;
  try {
    return new URL(target, 'http://mock.invalid').pathname;
  } catch {
    // An unparsable target routes nowhere.
    return '/';
  }
}
