// Find All References: where memos cite a source, a claim or a figure.
import { citationAt, parseCitations } from '../citation';
import type { SourceDoc } from '../model';
import type { Catalog } from './catalog';
import { paragraphAround } from './hover';

/** What is being looked for: a source, or particular paragraphs of it (a claim's or figure's). */
export interface ReferenceTarget {
  citekey: string;
  paragraphs?: number[];
}

export interface CitationRange {
  start: number;
  end: number;
}

/** Every citation item in a memo citing the target (for paragraphs: any overlapping paragraph). */
export function citationsOf(text: string, target: ReferenceTarget): CitationRange[] {
  if (!text.includes(target.citekey)) return [];
  const wanted = target.paragraphs?.length ? new Set(target.paragraphs) : undefined;
  const out: CitationRange[] = [];
  for (const citation of parseCitations(text)) {
    for (const item of citation.items) {
      if (item.key !== target.citekey) continue;
      if (wanted && !item.locator?.paragraphs.some((p) => wanted.has(p))) continue;
      out.push({ start: item.start, end: item.end });
    }
  }
  return out;
}

/** In a source: the claim or figure under the cursor, else the whole source. */
export function referenceTargetInSource(catalog: Catalog, doc: SourceDoc, offset: number): ReferenceTarget {
  const hit = catalog.hitAt(doc, offset);
  if (hit?.kind === 'figure' && hit.figure) return { citekey: doc.citekey, paragraphs: [hit.figure.paragraph] };
  const claim = catalog.claimAt(doc, offset);
  return claim ? { citekey: doc.citekey, paragraphs: [claim.paragraph] } : { citekey: doc.citekey };
}

/** In a memo: the citation item under the cursor, as a target. */
export function referenceTargetInMemo(text: string, offset: number): ReferenceTarget | undefined {
  const para = paragraphAround(text, offset);
  const hit = citationAt(parseCitations(text.slice(para.start, para.end)), offset - para.start);
  if (!hit) return undefined;
  const paragraphs = hit.item.locator?.paragraphs;
  return { citekey: hit.item.key, paragraphs: paragraphs?.length ? paragraphs : undefined };
}

/** A memo's citation count, for the CodeLens and status bar. */
export function citationStats(catalog: Catalog, text: string): { items: number; sources: number; unknown: number } {
  const keys = new Set<string>();
  let items = 0;
  let unknown = 0;
  for (const c of parseCitations(text)) {
    for (const item of c.items) {
      items++;
      keys.add(item.key);
      if (!catalog.source(item.key)) unknown++;
    }
  }
  return { items, sources: [...keys].filter((k) => catalog.source(k)).length, unknown };
}
