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
  const prose = blank(maskCode(text), ranges)
    .replace(/\]\([^)\n]*\)/g, (m) => ']' + ' '.repeat(m.length - 1))
    .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));

  const sentences: MemoSentence[] = [];
  for (const p of segment(prose, bodyStart, true).paragraphs) {
    for (const [start, end] of splitSentences(prose, p.span.start, p.span.end)) {
      sentences.push({ start, end, blockStart: p.span.start, blockEnd: p.span.end, citations: [] });
    }
  }
  let k = 0;
  for (const c of citations) {
    while (k + 1 < sentences.length && sentences[k + 1].start <= c.start) k++;
    const s = sentences[k];
    // Between two sentences (or alone on its line): it belongs to the one before it, unless a blank line separates them.
    if (s && s.start <= c.start && !/\n[ \t]*\r?\n/.test(text.slice(s.end, c.start))) s.citations.push(c);
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
