import type { Claim, Entity, Extraction, Figure, Sentence, SourceMeta } from '../model';
import { findFigures } from '../figures/parse';
import { LineIndex } from '../text/lines';
import { analyseClaims, type Referent } from './claims';
import { findEntities } from './entities';
import { firstAtOrAfter } from './sorted';

/** What extraction needs: the text, its sentences and what is known of the source. */
export interface ExtractionInput {
  text: string;
  sentences: Sentence[];
  /** Non-body paragraphs (bylines, notices) still name entities: [start, end) offsets. */
  otherBlocks: Array<[number, number]>;
  meta: SourceMeta;
  lines: LineIndex;
}

/** Extracts claims, entities and figures from a segmented source. */
export function extract(input: ExtractionInput): Extraction {
  const { text, sentences, lines } = input;
  const found = findEntities(text, sentences.map((s) => [s.span.start, s.span.end]), input.otherBlocks, input.meta);

  const entities: Entity[] = found.entities.map((e) => ({
    id: e.key,
    name: e.name,
    type: e.type,
    aliases: [...new Set(e.hits.map((h) => h.text))],
    mentions: e.hits.map((h) => ({ text: h.text, span: lines.span(h.start, h.end) })),
    ...(e.descriptions.length ? { descriptions: e.descriptions } : {}),
  }));
  const byKey = new Map(found.entities.map((e) => [e.key, e]));
  const hits = found.entities.flatMap((e) => e.hits).sort((a, b) => a.start - b.start);
  const referents: Referent[] = [
    ...hits.map((h) => ({ start: h.start, end: h.end, name: byKey.get(h.key)!.name, type: byKey.get(h.key)!.type })),
    ...found.descriptions.map((d) => ({ start: d.start, end: d.end, name: byKey.get(d.key)!.name, type: byKey.get(d.key)!.type, description: true })),
  ];
  // Each sentence's figures, found once: the claim analysis needs their units, the figure list the figures.
  // (A sentence starts and ends next to a space or the text's edge, so its own text gives the same figures.)
  const sentenceFigures = sentences.map((s) => findFigures(text, s.span.start, s.span.end));
  const analyses = analyseClaims(text, sentences, referents, sentenceFigures.map((list) => list.map((f) => f.unit)));

  const claims: Claim[] = [];
  const figures: Figure[] = [];
  const perParagraph = new Map<number, number>();
  const figuresPerParagraph = new Map<number, number>();
  sentences.forEach((sentence, i) => {
    const n = (perParagraph.get(sentence.paragraph) ?? 0) + 1;
    perParagraph.set(sentence.paragraph, n);
    const id = `c${sentence.paragraph}.${n}`;
    const analysis = analyses[i];
    const { start, end } = sentence.span;
    const figureIds: string[] = [];
    for (const f of sentenceFigures[i]) {
      const k = (figuresPerParagraph.get(sentence.paragraph) ?? 0) + 1;
      figuresPerParagraph.set(sentence.paragraph, k);
      const figureId = `fig-${sentence.paragraph}-${k}`;
      figureIds.push(figureId);
      figures.push({
        id: figureId,
        text: f.text,
        value: f.value,
        unit: f.unit,
        counts: f.counts,
        qualifier: f.qualifier,
        ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}),
        // A figure in someone's quote or stated position, or given "according to" someone, is theirs.
        source: analysis.speaker === 'author' ? null : analysis.speaker,
        span: lines.span(f.start, f.end),
        paragraph: sentence.paragraph,
        claimId: id,
      });
    }
    // Hits are sorted by start: the sentence's own are a run from the first at or after its start.
    const keys = new Set<string>();
    for (let k = firstAtOrAfter(hits, start); k < hits.length && hits[k].start < end; k++) if (hits[k].end <= end) keys.add(hits[k].key);
    const entityIds = [...keys];
    claims.push({
      id,
      text: sentence.text,
      kind: analysis.kind,
      speaker: analysis.speaker,
      confidence: analysis.confidence,
      why: analysis.why,
      span: sentence.span,
      paragraph: sentence.paragraph,
      entityIds,
      figureIds,
    });
  });
  return { claims, figures, entities };
}
