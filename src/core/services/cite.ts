// What to insert when an analyst cites a claim or a figure, and how to name it in lists.
import { formatCitation } from '../citation';
import type { CiteTarget } from './catalog';

/** `[@key, para. N]` for a claim or figure. */
export function citationFor(target: CiteTarget): string {
  const paragraph = target.kind === 'claim' ? target.claim.paragraph : target.figure.paragraph;
  return formatCitation(target.doc.citekey, paragraph);
}

/** The words inside the first pair of quotation marks of a sentence, or undefined. */
export function quotedWords(sentence: string): string | undefined {
  const m = /[“"«„‘]([^”"»“‘’]{2,})[”"»’]/.exec(sentence);
  return m ? m[1].trim() : undefined;
}

/** Text a drop or a pick inserts: the citation, preceded by the quote for a quote claim. */
export function insertionFor(target: CiteTarget): string {
  if (target.kind === 'claim' && target.claim.kind === 'quote') {
    const quote = quotedWords(target.claim.text) ?? target.claim.text.trim();
    return `“${quote}” ${citationFor(target)}`;
  }
  return citationFor(target);
}

/** One line naming a target in pick lists and completion: the sentence, or the figure and what it counts. */
export function targetLabel(target: CiteTarget): string {
  if (target.kind === 'claim') return target.claim.text.replace(/\s+/g, ' ').trim();
  const what = describeFigure(target);
  return what ? `${target.figure.text} — ${what}` : target.figure.text;
}

/** What a figure measures, in words: "drones", "US dollars", "per cent", "a year". */
export function describeFigure(target: Extract<CiteTarget, { kind: 'figure' }>): string {
  const f = target.figure;
  if (f.unit === 'count') return f.counts ?? 'a count';
  if (f.unit === 'percent') return f.counts ? `per cent of ${f.counts}` : 'a percentage';
  if (f.unit === 'year') return 'a year';
  return f.counts ? `${f.unit} (${f.counts})` : `an amount in ${f.unit}`;
}

/** A figure's normalised value: "524,000,000,000 USD", "5%", "300 drones". */
export function formatValue(target: Extract<CiteTarget, { kind: 'figure' }>): string {
  const f = target.figure;
  const n = (v: number): string => (f.unit === 'year' ? String(v) : groupThousands(v));
  const range = f.valueMax !== undefined ? `${n(f.value)}–${n(f.valueMax)}` : n(f.value);
  if (f.unit === 'percent') return `${range}%`;
  if (f.unit === 'count') return f.counts ? `${range} ${f.counts}` : range;
  if (f.unit === 'year') return range;
  return `${range} ${f.unit}`;
}

/** Insertion text with a space before it when it would otherwise touch the preceding word. */
export function spacedInsertion(textBefore: string, insertion: string): string {
  return textBefore.length > 0 && /[^\s([]$/.test(textBefore) ? ' ' + insertion : insertion;
}

/** 524000000000 → "524,000,000,000"; decimals kept (Intl is slow to start in a worker and differs by locale). */
export function groupThousands(v: number): string {
  const [int, frac] = String(Number(v.toPrecision(12))).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  if (/e/i.test(digits)) return String(v);
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '');
}
