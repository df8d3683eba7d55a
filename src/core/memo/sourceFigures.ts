// The figures of sources, by paragraph and by quantity, for memo checks. Built lazily and cached by
// object identity: a SourceDoc is replaced when its text changes, so caches never go stale.
import { findFigures } from '../figures/parse';
import type { SourceDoc } from '../model';
import { quantityKey } from '../text/keys';

/** A figure of a source as the memo checks need it. */
export interface SourceFigure {
  text: string;
  value: number;
  valueMax?: number;
  unit: string;
  paragraph: number;
  start: number;
  end: number;
}

/** What memo checks read of a workspace: a WorkspaceIndex satisfies it. */
export interface MemoSources {
  byCitekey(key: string): SourceDoc | undefined;
  sources(): SourceDoc[];
}

const figuresByDoc = new WeakMap<SourceDoc, SourceFigure[]>();

/**
 * Every figure of a source: the extraction's, or, when the extraction found none, the figures
 * the shared parser finds in its body paragraphs (so checks never depend on curation being done).
 */
export function sourceFigures(doc: SourceDoc): SourceFigure[] {
  let figures = figuresByDoc.get(doc);
  if (figures) return figures;
  if (doc.extraction.figures.length) {
    figures = doc.extraction.figures.map((f) => ({ text: f.text, value: f.value, valueMax: f.valueMax, unit: f.unit, paragraph: f.paragraph, start: f.span.start, end: f.span.end }));
  } else {
    figures = [];
    for (const p of doc.paragraphs) {
      if (p.role !== 'body') continue;
      for (const f of findFigures(doc.text, p.span.start, p.span.end)) figures.push({ text: f.text, value: f.value, valueMax: f.valueMax, unit: f.unit, paragraph: p.index, start: f.start, end: f.end });
    }
  }
  figuresByDoc.set(doc, figures);
  return figures;
}

/** Where a quantity appears across all sources. */
export interface FigureHit {
  doc: SourceDoc;
  figure: SourceFigure;
}

interface Lookup {
  docs: SourceDoc[];
  byQuantity: Map<string, FigureHit[]>;
}

const lookups = new WeakMap<MemoSources, Lookup>();

/** Figures of every source by quantity; rebuilt only when the set of source documents changed. */
export function figuresByQuantity(sources: MemoSources): Map<string, FigureHit[]> {
  const docs = sources.sources();
  const cached = lookups.get(sources);
  if (cached && cached.docs.length === docs.length && cached.docs.every((d, i) => d === docs[i])) return cached.byQuantity;
  const byQuantity = new Map<string, FigureHit[]>();
  for (const doc of docs) {
    for (const figure of sourceFigures(doc)) {
      const key = quantityKey(figure);
      const list = byQuantity.get(key);
      if (list) list.push({ doc, figure });
      else byQuantity.set(key, [{ doc, figure }]);
    }
  }
  lookups.set(sources, { docs, byQuantity });
  return byQuantity;
}

/** Body paragraph `n` of a source as [start, end) offsets, or undefined when it has no such paragraph. */
export function paragraphRange(doc: SourceDoc, n: number): { start: number; end: number } | undefined {
  const p = doc.paragraphs.find((para) => para.index === n && para.role === 'body');
  return p ? { start: p.span.start, end: p.span.end } : undefined;
}

/** Number of body paragraphs of a source. */
export function bodyParagraphCount(doc: SourceDoc): number {
  let max = 0;
  for (const p of doc.paragraphs) if (p.index > max) max = p.index;
  return max;
}
