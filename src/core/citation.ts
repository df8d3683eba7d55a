// Pandoc citations in memos: `[@key, para. 4]`, `[see @a, para. 2; @b, paras. 3–5]`, `@key [para. 4]`,
// `[-@key]`. Parsing keeps exact offsets so editors can hover, complete, check and jump.

/** One cited item inside a citation. */
export interface CitationItem {
  key: string;
  /** Offsets of the key (without `@`, without braces) in the memo text. */
  keyStart: number;
  keyEnd: number;
  /** Offsets of the whole item, prefix to suffix. */
  start: number;
  end: number;
  prefix: string;
  /** Locator label as written ("para.", "p.", "¶") normalised to a CSL locator term, and its value ("4", "3–5"). */
  locator?: { label: LocatorLabel; value: string; paragraphs: number[] };
  suffix: string;
  suppressAuthor: boolean;
}

export type LocatorLabel = 'paragraph' | 'page' | 'section' | 'chapter' | 'line' | 'other';

/** A citation: a bracketed group or an in-text `@key`. */
export interface Citation {
  start: number;
  end: number;
  bracketed: boolean;
  items: CitationItem[];
}

const KEY = String.raw`(?:\{([^{}\s]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*))`;
const KEY_RE = new RegExp(`(-?)@${KEY}`, 'gu');
const LOCATOR_TERMS: Array<[RegExp, LocatorLabel]> = [
  [/^(?:para(?:graph)?s?\.?|¶¶?)$/i, 'paragraph'],
  [/^(?:p|pp|pages?)\.?$/i, 'page'],
  [/^(?:sec(?:tion)?s?\.?|§§?)$/i, 'section'],
  [/^(?:ch(?:ap(?:ter)?)?s?\.?)$/i, 'chapter'],
  [/^(?:l|ll|lines?)\.?$/i, 'line'],
];

/** Finds every citation in a markdown text, skipping code spans and fenced code blocks. */
export function parseCitations(text: string): Citation[] {
  const out: Citation[] = [];
  const masked = maskCode(text);
  let i = 0;
  while (i < masked.length) {
    const c = masked[i];
    if (c === '[' && masked[i - 1] !== '\\' && masked[i - 1] !== '!') {
      const close = findClose(masked, i);
      // A link's text `[..](url)` or a reference `[..][x]` is not a citation.
      if (close > 0 && masked[close + 1] !== '(' && masked[close + 1] !== '[' && masked[close + 1] !== ':') {
        const items = parseBracket(text, i + 1, close);
        if (items.length) {
          out.push({ start: i, end: close + 1, bracketed: true, items });
          i = close + 1;
          continue;
        }
      }
    }
    if (c === '@' && (i === 0 || /[\s([;>*_~"“'‘]/.test(masked[i - 1]))) {
      KEY_RE.lastIndex = i - (masked[i - 1] === '-' ? 1 : 0);
      const m = KEY_RE.exec(masked);
      if (m && m.index === i) {
        const key = m[2] ?? stripTrailingPunct(m[3]);
        const keyStart = i + 1 + (m[2] ? 1 : 0);
        const keyEnd = keyStart + key.length;
        let end = keyEnd + (m[2] ? 1 : 0);
        const item: CitationItem = { key, keyStart, keyEnd, start: i, end, prefix: '', suffix: '', suppressAuthor: false };
        // `@key [para. 4]`: an in-text citation with a locator in brackets after it.
        const after = /^ ?\[([^\]@]*)\]/.exec(masked.slice(end, end + 80));
        if (after && masked[end + after[0].length] !== '(') {
          const { locator, suffix } = parseLocator(after[1]);
          item.locator = locator;
          item.suffix = suffix;
          end += after[0].length;
          item.end = end;
        }
        out.push({ start: i, end, bracketed: false, items: [item] });
        i = end;
        continue;
      }
    }
    i++;
  }
  return out;
}

function parseBracket(text: string, start: number, end: number): CitationItem[] {
  const inner = text.slice(start, end);
  if (!/(?:^|[\s;\-])@/.test(inner)) return [];
  const items: CitationItem[] = [];
  let partStart = 0;
  const parts: Array<[number, number]> = [];
  for (let k = 0; k <= inner.length; k++) {
    if (k === inner.length || inner[k] === ';') {
      parts.push([partStart, k]);
      partStart = k + 1;
    }
  }
  for (const [a, b] of parts) {
    const part = inner.slice(a, b);
    KEY_RE.lastIndex = 0;
    const m = KEY_RE.exec(part);
    if (!m) return []; // every item of a Pandoc citation names a key
    if (m.index > 0 && !/[\s]/.test(part[m.index - 1])) return [];
    const key = m[2] ?? stripTrailingPunct(m[3]);
    const keyStart = start + a + m.index + (m[1] ? 1 : 0) + 1 + (m[2] ? 1 : 0);
    const afterKey = part.slice(m.index + m[0].length - ((m[3] ?? m[2]).length - key.length));
    const { locator, suffix } = parseLocator(afterKey.replace(/^\s*,/, ''));
    const lead = part.length - part.trimStart().length;
    const trail = part.length - part.trimEnd().length;
    items.push({
      key,
      keyStart,
      keyEnd: keyStart + key.length,
      start: start + a + lead,
      end: start + b - trail,
      prefix: part.slice(0, m.index).trim(),
      locator,
      suffix,
      suppressAuthor: m[1] === '-',
    });
  }
  return items;
}

/** Reads `para. 4`, `paras. 3–5`, `¶ 2, 7`, `p. 33` at the start of a suffix. */
export function parseLocator(suffixText: string): { locator?: CitationItem['locator']; suffix: string } {
  const s = suffixText.trim();
  const m = /^([\p{L}.§¶]+)\s*([\dIVXLCivxlc]+(?:\s*(?:[-–—,&]|and)\s*[\dIVXLCivxlc]+)*)(.*)$/u.exec(s);
  if (!m) return { suffix: s };
  const label = LOCATOR_TERMS.find(([re]) => re.test(m[1]))?.[1];
  if (!label) return { suffix: s };
  const value = m[2].trim();
  return { locator: { label, value, paragraphs: label === 'paragraph' ? expandRange(value) : [] }, suffix: m[3].replace(/^\s*,?\s*/, '') };
}

function expandRange(value: string): number[] {
  const out: number[] = [];
  for (const piece of value.split(/\s*(?:,|&|and)\s*/)) {
    const r = /^(\d+)\s*[-–—]\s*(\d+)$/.exec(piece);
    if (r) {
      const a = Number(r[1]);
      const b = Number(r[2]);
      for (let n = a; n <= b && n - a < 1000; n++) out.push(n);
    } else if (/^\d+$/.test(piece)) out.push(Number(piece));
  }
  return out;
}

/** Formats a citation for one source and optional paragraph: `[@key, para. 4]`. */
export function formatCitation(key: string, paragraph?: number | number[]): string {
  const needsBraces = !new RegExp(`^${KEY}$`, 'u').test(key) || /[:.#$%&\-+?<>~/]$/.test(key);
  const k = needsBraces ? `@{${key}}` : `@${key}`;
  if (paragraph === undefined) return `[${k}]`;
  const paras = Array.isArray(paragraph) ? paragraph : [paragraph];
  if (paras.length === 0) return `[${k}]`;
  return paras.length === 1 ? `[${k}, para. ${paras[0]}]` : `[${k}, paras. ${formatParagraphList(paras)}]`;
}

function formatParagraphList(paras: number[]): string {
  const sorted = [...new Set(paras)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(', ');
}

/** The citation item whose key (or whole item) covers an offset, for hover/definition. */
export function citationAt(citations: Citation[], offset: number): { citation: Citation; item: CitationItem } | undefined {
  for (const citation of citations) {
    if (offset < citation.start || offset > citation.end) continue;
    const item = citation.items.find((it) => offset >= it.start && offset <= it.end) ?? citation.items[0];
    return { citation, item };
  }
  return undefined;
}

function stripTrailingPunct(key: string): string {
  return key.replace(/[:.#$%&\-+?<>~/]+$/, '');
}

function findClose(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length && k < open + 2000; k++) {
    const ch = text[k];
    if (ch === '\n' && text[k + 1] === '\n') return -1;
    if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

/** Replaces code spans and fenced blocks with spaces (same length), so no citation is found inside code. */
export function maskCode(text: string): string {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, (m) => (m.includes('\n\n') ? m : m.replace(/[^\n]/g, ' ')));
}
