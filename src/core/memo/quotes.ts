// Quotations in memos, and whether a source says them word for word. Typography does not count
// (curly or straight quotes, dashes, spaces, line breaks); an ellipsis or a bracketed insertion may
// skip words; nothing else may differ.

/** A quotation in a text: offsets of the marks and of the words between them. */
export interface Quotation {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
}

/** Finds “curly” and "straight" double-quoted passages in text[start, end); a quote may span line breaks but not a blank line. */
export function findQuotations(text: string, start = 0, end = text.length): Quotation[] {
  const out: Quotation[] = [];
  let open = -1;
  let openMark = '';
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '\n' && open >= 0 && /^\n[ \t]*(?:\r?\n|$)/.test(text.slice(i, i + 3).replace(/\r/g, ''))) {
      open = -1; // a blank line ends an unbalanced quote
      continue;
    }
    if (open < 0) {
      if (c === '“' || (c === '"' && isOpeningStraight(text, i))) {
        open = i;
        openMark = c;
      }
    } else if ((openMark === '“' && c === '”') || (openMark === '"' && c === '"')) {
      if (i > open + 1) out.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i });
      open = -1;
    } else if (openMark === '“' && c === '“') {
      open = i; // an unclosed curly quote: start again at the next one
    }
  }
  return out;
}

function isOpeningStraight(text: string, i: number): boolean {
  const next = text[i + 1];
  return next !== undefined && !/\s/.test(next);
}

/** Text with typography normalised, and for each normalised character the offset it came from. */
export interface Normalized {
  text: string;
  offsets: number[];
}

const QUOTE_SINGLE = /[‘’‚‛′`]/;
const QUOTE_DOUBLE = /[“”„‟″«»]/;
const DASH = /[‐‑‒–—―−]/;

/** Normalises quote marks, dashes and whitespace (runs, line breaks, no-break spaces) of text[start, end). */
export function normalizeTypography(text: string, start = 0, end = text.length): Normalized {
  let out = '';
  const offsets: number[] = [];
  let pendingSpace = false;
  for (let i = start; i < end; i++) {
    let c = text[i];
    if (/\s/.test(c)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      offsets.push(i - 1);
      pendingSpace = false;
    }
    if (QUOTE_SINGLE.test(c)) c = "'";
    else if (QUOTE_DOUBLE.test(c)) c = '"';
    else if (DASH.test(c)) c = '-';
    out += c;
    offsets.push(i);
  }
  return { text: out, offsets };
}

// "…", "...", ". . .", "[…]", "[...]", and any bracketed editorial insertion "[the US]".
const GAP_RE = /\s*(?:\[[^\]]*\]|…|\.\s?\.\s?\.)\s*/g;
const EDGE_PUNCT = /^[\s.,;:!?'"-]+|[\s.,;:!?'"-]+$/g;

/** The pieces of a quotation that must appear in order in the source (split at ellipses and bracketed insertions). */
export function quotationSegments(inner: string): string[] {
  return normalizeTypography(inner)
    .text.split(GAP_RE)
    .map((s) => s.replace(EDGE_PUNCT, ''))
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Where a quotation appears in a source text (offsets into the source), or undefined when it does not appear word for word. */
export function locateQuotation(inner: string, source: string, start = 0, end = source.length): { start: number; end: number } | undefined {
  const segments = quotationSegments(inner);
  if (!segments.length) return undefined;
  const hay = normalizeTypography(source, start, end);
  let from = 0;
  let first = -1;
  let last = -1;
  for (const [k, segment] of segments.entries()) {
    const at = findWord(hay.text, segment, from, k === 0);
    if (at < 0) return undefined;
    if (first < 0) first = at;
    last = at + segment.length;
    from = last;
  }
  return { start: hay.offsets[first], end: hay.offsets[last - 1] + 1 };
}

/** indexOf on word boundaries; a quotation may change the case of its first letter ("said that “the…”"). */
function findWord(hay: string, needle: string, from: number, relaxFirstCase: boolean): number {
  const variants = relaxFirstCase ? [...new Set([needle, flipFirst(needle)])] : [needle];
  let best = -1;
  for (const v of variants) {
    let at = hay.indexOf(v, from);
    while (at >= 0 && !(boundary(hay, at - 1, v[0]) && boundary(hay, at + v.length, v[v.length - 1]))) at = hay.indexOf(v, at + 1);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

function boundary(hay: string, i: number, edge: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(edge)) return true;
  return i < 0 || i >= hay.length || !/[\p{L}\p{N}]/u.test(hay[i]);
}

function flipFirst(s: string): string {
  const c = s[0];
  const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
  return flipped + s.slice(1);
}

interface Word {
  norm: string;
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*/gu;

function words(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = start;
  for (let m = WORD_RE.exec(text); m && m.index < end; m = WORD_RE.exec(text)) {
    if (m.index + m[0].length > end) break;
    out.push({ norm: m[0].toLowerCase().replace(/[‘’]/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The passage of source[start, end) closest to a misquotation, word by word (approximate substring
 * match by edit distance), when it is close enough to be what the writer meant.
 */
export function closestPassage(inner: string, source: string, start = 0, end = source.length): { start: number; end: number; distance: number } | undefined {
  const quoted = words(inner.replace(GAP_RE, ' '), 0, inner.replace(GAP_RE, ' ').length).map((w) => w.norm);
  const hay = words(source, start, end);
  const n = quoted.length;
  const m = hay.length;
  if (n < 2 || m === 0) return undefined;
  // prev[j]/cur[j]: cost of aligning the first i quoted words to a passage ending before hay word j; from[j]: where it starts.
  let prev = new Array<number>(m + 1).fill(0);
  let prevFrom = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    const curFrom = new Array<number>(m + 1);
    cur[0] = i;
    curFrom[0] = 0;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (quoted[i - 1] === hay[j - 1].norm ? 0 : 1);
      const del = prev[j] + 1; // a quoted word the source lacks
      const ins = cur[j - 1] + 1; // a source word the quote lacks
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curFrom[j] = prevFrom[j - 1];
      } else if (del <= ins) {
        cur[j] = del;
        curFrom[j] = prevFrom[j];
      } else {
        cur[j] = ins;
        curFrom[j] = curFrom[j - 1];
      }
    }
    prev = cur;
    prevFrom = curFrom;
  }
  let bestEnd = -1;
  for (let j = 1; j <= m; j++) if (bestEnd < 0 || prev[j] < prev[bestEnd]) bestEnd = j;
  const distance = prev[bestEnd];
  const from = prevFrom[bestEnd];
  // Close enough: fewer than half the words differ, and the passage is not empty.
  if (bestEnd <= from || distance * 2 >= n) return undefined;
  return { start: hay[from].start, end: hay[bestEnd - 1].end, distance };
}

/** A source passage as a memo quotation's new wording: one line, inner double quotes made single. */
export function passageForQuotation(source: string, start: number, end: number): string {
  return source
    .slice(start, end)
    .replace(/\s+/g, ' ')
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"/g, "'")
    .trim();
}
