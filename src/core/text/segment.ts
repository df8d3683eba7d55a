import type { Paragraph, Sentence } from '../model';
import { LineIndex } from './lines';
import { classifyBlock, datelineLength, TERMINAL_END } from './structure';

/** A raw block of text before roles are assigned. */
interface Block {
  start: number;
  end: number;
  markdownHeading: boolean;
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Body text that is no sentence (a wire dateline): [start, end) offsets; it still names entities. */
  asides: Array<[number, number]>;
}


/** Splits a text body into paragraphs (with roles and 1-based body numbers) and sentences with exact offsets. */
export function segment(text: string, bodyStart = 0, markdown = false, lines = new LineIndex(text)): Segmentation {
  const blocks = splitBlocks(text, bodyStart, markdown);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const asides: Array<[number, number]> = [];
  let bodyNumber = 0;
  blocks.forEach((block, i) => {
    const raw = text.slice(block.start, block.end);
    const { role, rule } = classifyBlock({ text: raw.trim(), position: i, count: blocks.length, markdownHeading: block.markdownHeading, afterBody: bodyNumber > 0 });
    const index = role === 'body' ? ++bodyNumber : 0;
    paragraphs.push({ index, role, rule, span: lines.span(block.start, block.end) });
    if (role !== 'body') return;
    // A wire dateline ("WASHINGTON (Reuters) - ") opens the story but is not part of its first sentence.
    const start = index === 1 ? block.start + datelineLength(raw) : block.start;
    if (start > block.start) asides.push([block.start, start]);
    for (const [s, e] of splitSentences(text, start, block.end)) {
      sentences.push({ text: text.slice(s, e), span: lines.span(s, e), paragraph: index });
    }
  });
  return { paragraphs, sentences, asides };
}

/**
 * Blocks: in markdown, runs of lines separated by blank lines (headings, list items and block
 * quotes on their own); in plain text, each line is a paragraph unless it is hard-wrapped
 * (ends mid-sentence and the next line continues in lower case).
 */
function splitBlocks(text: string, bodyStart: number, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  lineRe.lastIndex = bodyStart;
  let current: Block | undefined;
  let prevLine = '';
  const flush = () => {
    if (current) blocks.push(current);
    current = undefined;
  };
  for (;;) {
    const m = lineRe.exec(text);
    if (!m || m[0].length === 0) break;
    const lineStart = m.index;
    const content = m[0].replace(/[\r\n]+$/, '');
    const lineEnd = lineStart + content.length;
    const leading = content.length - content.trimStart().length;
    const trimmed = content.trim();
    if (trimmed.length === 0) {
      flush();
    } else if (markdown && /^#{1,6}\s/.test(trimmed)) {
      flush();
      const hashes = /^#{1,6}\s+/.exec(trimmed)![0].length;
      blocks.push({ start: lineStart + leading + hashes, end: lineStart + content.trimEnd().length, markdownHeading: true });
    } else {
      const listItem = markdown && /^(?:[-*+]|\d+[.)])\s+/.test(trimmed);
      const quoteLine = markdown && /^>\s?/.test(trimmed);
      const contentStart = lineStart + leading + (listItem ? /^(?:[-*+]|\d+[.)])\s+/.exec(trimmed)![0].length : quoteLine ? /^>\s?/.exec(trimmed)![0].length : 0);
      const continues = current !== undefined && (markdown
        ? !listItem
        : !TERMINAL_END.test(prevLine) && /^[\p{Ll}\d(“"‘']/u.test(trimmed));
      if (continues && current) {
        current.end = lineEnd;
      } else {
        flush();
        current = { start: contentStart, end: lineStart + content.trimEnd().length, markdownHeading: false };
      }
      if (markdown && /^(?:[-*+]|\d+[.)])\s+/.test(trimmed)) prevLine = trimmed;
      prevLine = trimmed;
    }
    if (lineRe.lastIndex >= text.length) break;
  }
  flush();
  return blocks.filter((b) => b.end > b.start);
}

// Abbreviations that end with a period but never end a sentence (titles, e.g., months before a day).
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'cmdr', 'st', 'mt',
  'fr', 'rev', 'hon', 'pres', 'supt', 'insp', 'vs', 'v', 'e.g', 'i.e', 'cf', 'approx', 'etc.,', 'no', 'nos', 'fig', 'figs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ca', 'c', 'al', 'op', 'pp', 'p', 'para', 'vol',
]);
// After these, a capitalised word usually still belongs to the same sentence ("the U.S. Senate").
const SENTENCE_STARTERS = new Set([
  'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'But', 'And', 'Yet', 'So', 'Or',
  'In', 'On', 'At', 'For', 'As', 'If', 'When', 'While', 'After', 'Before', 'Since', 'A', 'An', 'There', 'Here', 'Such', 'Some',
  'Many', 'Most', 'Both', 'Each', 'All', 'No', 'Not', 'However', 'Still', 'Meanwhile', 'Moreover', 'Indeed', 'Instead', 'Then',
  'What', 'Why', 'How', 'Who', 'Where', 'His', 'Her', 'Their', 'Our', 'My', 'Even', 'Only', 'Although', 'Though', 'Because',
]);

// What may open a sentence: a capital, a digit, a quotation mark, or a letter of a script without
// capitals (Chinese, Japanese, Arabic, Hebrew, Thai…: "met later. 習近平 said nothing").
const OPENERS = /[\p{Lu}\p{Lt}\p{Lo}\p{N}“"‘'(\[¿¡]/u;

/** Sentence boundaries inside [start, end) as [start, end) pairs, trimmed of whitespace. */
export function splitSentences(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let sentenceStart = skipSpace(text, start, end);
  let i = sentenceStart;
  while (i < end) {
    if (isFinalPunct(text.charCodeAt(i))) {
      let j = i + 1;
      while (j < end && isFinalPunct(text.charCodeAt(j))) j++;
      while (j < end && isCloser(text.charCodeAt(j))) j++;
      // A full-width stop ("。", "！", "？") ends a sentence with no space after it.
      if (j < end && !isSpaceCode(text.charCodeAt(j)) && !isFullWidthStop(text.charCodeAt(j - 1))) {
        i = j;
        continue;
      }
      const next = skipSpace(text, j, end);
      if (next >= end) break;
      if (isBoundary(text, sentenceStart, i, j, next)) {
        out.push(withoutEmphasis(text, sentenceStart, trimEnd(text, sentenceStart, j)));
        sentenceStart = next;
      }
      i = next;
      continue;
    }
    i++;
  }
  if (sentenceStart < end) {
    const e = trimEnd(text, sentenceStart, end);
    if (e > sentenceStart) out.push(withoutEmphasis(text, sentenceStart, e));
  }
  return out;
}

/** A sentence wholly in markdown emphasis ("**Brussels should act now.**") is the sentence inside it. */
function withoutEmphasis(text: string, start: number, end: number): [number, number] {
  if (text.charCodeAt(start) !== 42 && text.charCodeAt(start) !== 95) return [start, end];
  let k = 1;
  while (k < 3 && start + k < end && text[start + k] === text[start]) k++;
  if (end - start <= 2 * k || text.slice(start, start + k) !== text.slice(end - k, end)) return [start, end];
  return [start + k, end - k];
}

// After a closed quotation: "“We will win!” Trump wrote in a post." is one sentence, the speaker and
// a short tail (a time, a place, a medium) after the quote; "“No.” Trump said the talks had failed." is two.
const SPEAKER_AFTER_QUOTE = new RegExp(
  `^(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4}(?:said|says|wrote|writes|tweeted|posted|told|added|asked|replied|declared|insisted|stressed|warned|shouted|chanted|testified|recalled|explained|continued|noted|argued|countered|conceded)\\b([^.!?“”"]{0,80})[.!?]`,
  'u',
);
const QUOTE_TAIL = /^(?:\s*,)?(?:\s+(?:on|in|at|before|after|during|to|from|via|with|later|earlier|afterwards?|recently|yesterday|today|tonight|this|last|reporters|journalists|the\s+press|CNN|Reuters|The)\b.*)?$/;

function isBoundary(text: string, sentenceStart: number, punct: number, after: number, next: number): boolean {
  while (next < text.length - 1 && (text.charCodeAt(next) === 42 || text.charCodeAt(next) === 95)) next++; // "… now. **Bold** …"
  if (!OPENERS.test(text[next])) return false;
  const closer = text.charCodeAt(after - 1);
  if (closer === 0x201d || closer === 34) {
    const speaker = SPEAKER_AFTER_QUOTE.exec(text.slice(next, next + 160));
    if (speaker && QUOTE_TAIL.test(speaker[1])) return false;
  }
  if (text[punct] !== '.') return true;
  const ellipsis = text[punct + 1] === '.' || text[punct - 1] === '.';
  // The word the period ends, e.g. "Mr", "U.S", "e.g".
  let w = punct;
  while (w > sentenceStart && !isSpaceCode(text.charCodeAt(w - 1))) w--;
  const word = text.slice(w, punct).replace(/^[("“‘'[]+/, '');
  const nextWord = /^[\p{L}\p{N}'’]+/u.exec(text.slice(next, next + 40))?.[0] ?? '';
  if (ellipsis) return /^\p{Lu}/u.test(nextWord) || /["”’)]/.test(text[after - 1]);
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower) && after === punct + 1) {
    // "No. 5", "Jan. 6", "Mr. Smith": never a boundary; "v." and "c." likewise.
    return false;
  }
  if (/^\p{Lu}$/u.test(word) && after === punct + 1) return false; // an initial: "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) && after === punct + 1) {
    // U.S., U.K., U.N.: a boundary only before a word that usually starts a sentence.
    return SENTENCE_STARTERS.has(nextWord);
  }
  return true;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

// Char-code tests for the per-character sentence scan (no one-character strings, no regex per character).
/** . ! ? … */
function isFinalPunct(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || isFullWidthStop(c);
}

/** 。！？ and the Arabic question mark ؟. */
function isFullWidthStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x061f;
}

/** " ” ’ ' ) ] » after final punctuation, and markdown emphasis * _ ("**Costs rose.** Rates …"). */
function isCloser(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93 || c === 0xbb || c === 42 || c === 95;
}

/** Exactly JavaScript's `\s`. */
function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
