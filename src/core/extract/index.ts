import type { Claim, Entity, Extraction, Figure, Sentence, SourceMeta } from '../model';
import { LineIndex } from '../text/lines';

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
  const claims: Claim[] = [];
  const figures: Figure[] = [];
  const entities: Entity[] = [];
  const perParagraph = new Map<number, number>();
  for (const sentence of input.sentences) {
    const n = (perParagraph.get(sentence.paragraph) ?? 0) + 1;
    perParagraph.set(sentence.paragraph, n);
    claims.push({
      id: `c${sentence.paragraph}.${n}`,
      text: sentence.text,
      kind: 'assessment',
      speaker: 'author',
      confidence: null,
      span: sentence.span,
      paragraph: sentence.paragraph,
      entityIds: [],
      figureIds: [],
    });
  }
  return { claims, figures, entities };
}
