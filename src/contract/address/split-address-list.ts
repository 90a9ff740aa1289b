/**
 * Splits an RFC 5322 address-list (§3.4), the value of a MIME `To`/`Cc`/`Bcc`/`Reply-To`/`From`
 * header, into the text of its mailboxes, for `parseMailbox` to check one by one.
 *
 * - Folding (CRLF followed by a space or tab) is undone first; any other CR or LF stays in its
 *   element, so C-ADDR1 reports it.
 * - Commas split only at the top level: not inside a quoted-string, angle brackets or a comment.
 * - Groups (`name: a@x.com, b@y.com;`) are expanded into their members and the group name is
 *   dropped; an empty group such as `undisclosed-recipients:;` gives no address. A group that is
 *   never closed with `;` is not a group: its text stays one element and fails C-ADDR1.
 * - Elements are trimmed. A value that is only whitespace gives `[]`; an empty element between two
 *   commas (`a@x.com,,b@y.com`, RFC 5322 obsolete syntax) is kept as `''` so that it is reported.
 */
export function splitAddressList(headerValue: string): string[] {
  const text = headerValue.replace(/\r\n(?=[ \t])/g, '');
  if (text.trim() === '') return [];

  const elements: string[] = [];
  let start = 0;
  let inQuote = false;
  let commentDepth = 0;
  let angleDepth = 0;
  let group: { nameStart: number; firstElement: number } | undefined;
  let afterGroup = false;

  const push = (end: number): void => {
    const element = text.slice(start, end).trim();
    if (!(afterGroup && element === '')) elements.push(element);
    afterGroup = false;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
    } else if (commentDepth > 0) {
      if (c === '\\') i++;
      else if (c === '(') commentDepth++;
      else if (c === ')') commentDepth--;
    } else if (c === '"') {
      inQuote = true;
    } else if (c === '(') {
      commentDepth = 1;
    } else if (c === '<') {
      angleDepth++;
    } else if (c === '>') {
      if (angleDepth > 0) angleDepth--;
    } else if (angleDepth > 0) {
      // Inside angle brackets a ':' is a source route, not a group: parseMailbox checks it.
    } else if (c === ',') {
      push(i);
      start = i + 1;
    } else if (c === ':' && group === undefined) {
      group = { nameStart: start, firstElement: elements.length };
      start = i + 1;
      afterGroup = false;
    } else if (c === ';' && group !== undefined) {
      const body = text.slice(start, i);
      if (!(elements.length === group.firstElement && body.trim() === '')) push(i);
      group = undefined;
      afterGroup = true;
      start = i + 1;
    }
  }

  if (group !== undefined) {
    elements.length = group.firstElement;
    start = group.nameStart;
    afterGroup = false;
  }
  push(text.length);
  return elements;
}
