// A memo's sentences and which citations belong to each: what the memo checks walk over.
import { maskCode, parseCitations, type Citation } from '../citation';
import { splitFrontMatter } from '../text/frontMatter';
import { segment, splitSentences } from '../text/segment';

export interface MemoSentence {
  start: number;
  end: number;
  /** Start and end of the markdown block (paragraph, list item, heading) it is in. */
  blockStart: number;
  blockEnd: number;
  citations: Citation[];
}

export interface MemoStructure {
  bodyStart: number;
  /** The memo text with front matter, code, link targets and citations blanked (same length), for finding figures and quotes. */
  prose: string;
  citations: Citation[];
  sentences: MemoSentence[];
}

/**
 * Splits a memo into sentences and attaches each citation to its sentence. A citation written after
 * the sentence's full stop (`… agreed on.” [@key, para. 4] Next …`) belongs to the sentence before it.
 */
export function memoStructure(text: string): MemoStructure {
  const bodyStart = splitFrontMatter(text)?.bodyStart ?? 0;
  const citations = parseCitations(text).filter((c) => c.start >= bodyStart);
  const ranges: Array<[number, number]> = [[0, bodyStart], ...citations.map((c): [number, number] => [c.start, c.end])];
  let prose = blank(maskCode(text), ranges);
  // An in-text citation is the subject of its sentence ("@smith2020 [para. 2] argues…"): keep a
  // capitalised word in its place so the sentence still starts there.
  for (const c of citations) if (!c.bracketed) prose = prose.slice(0, c.start) + 'X' + prose.slice(c.start + 1);
  prose = prose
    .replace(/\]\([^)\n]*\)/g, (m) => ']' + ' '.repeat(m.length - 1))
    .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));

  const sentences: MemoSentence[] = [];
  for (const p of segment(prose, bodyStart, true).paragraphs) {
    for (const [start, end] of splitSentences(prose, p.span.start, p.span.end)) {
      sentences.push({ start, end, blockStart: p.span.start, blockEnd: p.span.end, citations: [] });
    }
  }
  const joined = (from: number, to: number) => !/\n[ \t]*\r?\n/.test(text.slice(from, to));
  let k = 0;
  for (const c of citations) {
    while (k + 1 < sentences.length && sentences[k + 1].start <= c.start) k++;
    const before = sentences[k]?.start <= c.start ? sentences[k] : undefined;
    const after = before ? sentences[k + 1] : sentences[k];
    // Between two sentences (or alone on its line) it belongs to the one before it, the usual place
    // of a citation after a full stop; at the start of a block, to the one after it.
    if (before && joined(before.end, c.start)) before.citations.push(c);
    else if (after && joined(c.end, after.start)) after.citations.push(c);
  }
  return { bodyStart, prose, citations, sentences };
}

/** The text with each [start, end) range (sorted, disjoint) replaced by spaces, line breaks kept. */
function blank(text: string, ranges: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= start || start < at) continue;
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}
