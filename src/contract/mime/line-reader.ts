/**
 * Walks a decoded message line by line without copying it: each step exposes the octet range of one
 * line. Lines end at LF; a CR right before the LF belongs to the line ending, so CRLF and bare-LF
 * messages split alike (C-MIME10 checks the endings, not the splitting). A CR not followed by LF is an
 * ordinary octet of its line, as in most MIME parsers.
 */
export class LineReader {
  /** First octet of the current line. */
  start = 0;
  /** Octet after the current line's content (its line ending excluded). */
  end = 0;
  /** First octet of the following line. */
  next: number;
  /** 1-based number of the current line within the whole message. */
  number = 0;
  private nextLf = -1;

  constructor(private readonly bytes: Uint8Array) {
    this.next = 0;
  }

  /** Moves to the next line; false when the message is exhausted. */
  advance(): boolean {
    const bytes = this.bytes;
    if (this.next >= bytes.length) return false;
    this.start = this.next;
    // indexOf runs natively; remembering the last hit keeps the whole walk linear.
    if (this.nextLf < this.start) this.nextLf = bytes.indexOf(0x0a, this.start);
    const lf = this.nextLf;
    if (lf === -1) {
      this.nextLf = bytes.length;
      this.end = bytes.length;
      this.next = bytes.length;
    } else if (lf >= bytes.length) {
      this.end = bytes.length;
      this.next = bytes.length;
    } else {
      this.end = lf > this.start && bytes[lf - 1] === 0x0d ? lf - 1 : lf;
      this.next = lf + 1;
    }
    this.number++;
    return true;
  }

  /** Octets in the current line, line ending excluded. */
  get length(): number {
    return this.end - this.start;
  }
}
