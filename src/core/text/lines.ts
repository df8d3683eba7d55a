import type { Span } from '../model';

/** Maps UTF-16 offsets of one text to 0-based line/character positions and back. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line and character of an offset (clamped into the text). */
  position(offset: number): { line: number; character: number } {
    const o = this.clamp(offset);
    const line = this.lineOf(o);
    return { line, character: o - this.lineStarts[line] };
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  /** Line of a clamped offset: the last line start at or before it. */
  private lineOf(o: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of a line/character position (clamped). */
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[line] + Math.max(0, character), this.text.length);
  }

  span(start: number, end: number): Span {
    // No intermediate position objects: spans are made for every mention, sentence and figure.
    const a = this.clamp(start);
    const b = this.clamp(end);
    const line = this.lineOf(a);
    const endLine = this.lineOf(b);
    return { start, end, line, character: a - this.lineStarts[line], endLine, endCharacter: b - this.lineStarts[endLine] };
  }
}
