// Go to Definition on a citation: the cited sentence when the memo's words or figures point at one
// claim of the cited paragraph, else the paragraph, else the start of the source.
import { citationAt, parseCitations } from '../citation';
import { findFigures } from '../figures/parse';
import type { SourceDoc } from '../model';
import { quantityKey } from '../text/keys';
import { words, type Catalog } from './catalog';
import { paragraphAround } from './hover';
import type { Library, LibraryEntry } from './library';

export interface SourceTarget {
  doc: SourceDoc;
  start: number;
  end: number;
}

/** Where a citation under the cursor points, or undefined when the cursor is on none (or its key is unknown). */
export function citationDefinition(catalog: Catalog, text: string, offset: number): SourceTarget | undefined {
  const para = paragraphAround(text, offset);
  const slice = text.slice(para.start, para.end);
  const citations = parseCitations(slice);
  const hit = citationAt(citations, offset - para.start);
  if (!hit) return undefined;
  const doc = catalog.source(hit.item.key);
  if (!doc) return undefined;
  const n = hit.item.locator?.paragraphs[0];
  const paragraph = n === undefined ? undefined : doc.paragraphs.find((p) => p.role === 'body' && p.index === n);
  if (!paragraph) return { doc, start: doc.bodyStart, end: doc.bodyStart };
  // What the memo says just before this citation (back to the previous citation or sentence end).
  const previous = citations.filter((c) => c.end <= hit.citation.start).pop();
  let from = previous ? previous.end : 0;
  const sentenceBreak = Math.max(slice.lastIndexOf('. ', hit.citation.start - 2), slice.lastIndexOf('\n', hit.citation.start - 1));
  if (sentenceBreak + 1 > from) from = sentenceBreak + 1;
  const before = slice.slice(from, hit.citation.start);
  const claim = bestClaim(doc, n!, before);
  return claim ? { doc, start: claim.start, end: claim.end } : { doc, start: paragraph.span.start, end: paragraph.span.end };
}

/** The memo bibliography entry a citation under the cursor names, when no source has its key. */
export function libraryDefinition(catalog: Catalog, library: Library, text: string, offset: number): LibraryEntry | undefined {
  const para = paragraphAround(text, offset);
  const hit = citationAt(parseCitations(text.slice(para.start, para.end)), offset - para.start);
  if (!hit || catalog.source(hit.item.key)) return undefined;
  return library.get(hit.item.key);
}

const STOP = new Set(['that', 'this', 'with', 'from', 'have', 'would', 'will', 'their', 'there', 'which', 'were', 'been', 'also', 'into', 'than', 'they', 'about', 'after', 'said']);

/** The claim of paragraph n sharing a figure or the most content words with a memo passage. */
function bestClaim(doc: SourceDoc, n: number, passage: string): { start: number; end: number } | undefined {
  const claims = doc.extraction.claims.filter((c) => c.paragraph === n);
  if (claims.length === 1) return claims[0].span;
  const memoQuantities = new Set(findFigures(passage).map((f) => quantityKey(f)));
  const memoWords = new Set(words(passage).filter((w) => w.length > 3 && !STOP.has(w)));
  let best: { start: number; end: number } | undefined;
  let bestScore = 1;
  for (const claim of claims) {
    let score = 0;
    for (const f of doc.extraction.figures) if (f.claimId === claim.id && memoQuantities.has(quantityKey(f))) score += 10;
    for (const w of new Set(words(claim.text))) if (memoWords.has(w)) score++;
    if (score > bestScore) {
      bestScore = score;
      best = claim.span;
    }
  }
  return best;
}
