// Hand-built sources for the editor service tests: real segmentation, an extraction written out
// by hand so the tests do not depend on how well extraction does on a given article.
import type { Claim, ClaimKind, Entity, EntityType, Figure, SourceDoc } from '../../src/core/model';
import { buildSource } from '../../src/core/source';
import { LineIndex } from '../../src/core/text/lines';

export interface ClaimSpec {
  kind?: ClaimKind;
  speaker?: string;
  confidence?: string;
  entities?: string[];
}

/** A source whose claims are its sentences; kinds/speakers by sentence text fragment; entities and figures by surface text. */
export function makeDoc(
  path: string,
  text: string,
  options: {
    citekey: string;
    title?: string;
    issued?: string;
    claims?: Record<string, ClaimSpec>;
    entities?: Array<{ name: string; type: EntityType; aliases?: string[] }>;
    figures?: Array<{ text: string; value: number; unit: string; counts?: string; source?: string }>;
  },
): SourceDoc {
  const doc = buildSource({ path, text });
  const lines = new LineIndex(doc.text);
  doc.citekey = options.citekey;
  doc.citekeyBase = options.citekey;
  doc.meta = { ...doc.meta, title: options.title ?? doc.meta.title, issued: options.issued ?? doc.meta.issued, authors: ['Ann Analyst'] };
  const entities: Entity[] = (options.entities ?? []).map((e) => {
    const forms = [e.name, ...(e.aliases ?? [])];
    const mentions = [];
    for (const form of forms) {
      let at = doc.text.indexOf(form);
      while (at >= 0) {
        mentions.push({ text: form, span: lines.span(at, at + form.length) });
        at = doc.text.indexOf(form, at + form.length);
      }
    }
    mentions.sort((a, b) => a.span.start - b.span.start);
    return { id: `${e.type}:${e.name.toLowerCase().replace(/\W+/g, '-')}`, name: e.name, type: e.type, aliases: forms, mentions };
  });
  const perParagraph = new Map<number, number>();
  const claims: Claim[] = doc.sentences.map((s) => {
    const n = (perParagraph.get(s.paragraph) ?? 0) + 1;
    perParagraph.set(s.paragraph, n);
    const specKey = Object.keys(options.claims ?? {}).find((k) => s.text.includes(k));
    const spec = specKey ? options.claims![specKey] : {};
    const entityIds = entities.filter((e) => e.mentions.some((m) => m.span.start >= s.span.start && m.span.end <= s.span.end)).map((e) => e.id);
    return { id: `c${s.paragraph}.${n}`, text: s.text, kind: spec.kind ?? 'assessment', speaker: spec.speaker ?? 'author', confidence: spec.confidence ?? null, span: s.span, paragraph: s.paragraph, entityIds, figureIds: [] };
  });
  const figures: Figure[] = (options.figures ?? []).map((f, i) => {
    const at = doc.text.indexOf(f.text);
    if (at < 0) throw new Error(`figure text ${f.text} not in the source`);
    const claim = claims.find((c) => c.span.start <= at && at < c.span.end)!;
    const figure: Figure = { id: `fig-${claim.paragraph}-${i + 1}`, text: f.text, value: f.value, unit: f.unit, counts: f.counts ?? null, qualifier: null, source: f.source ?? null, span: lines.span(at, at + f.text.length), paragraph: claim.paragraph, claimId: claim.id };
    claim.figureIds.push(figure.id);
    return figure;
  });
  doc.extraction = { claims, entities, figures };
  return doc;
}

export const WORLD_BANK_TEXT = [
  'Reconstruction after the war',
  '',
  'The summit in Alaska ended without a deal. Donald Trump said: “Those are points that we largely agreed on.”',
  '',
  'Ukraine’s reconstruction will be costly, to the tune of US$524 billion, according to the World Bank. It will also require managing a web of risks.',
  '',
  'Russia launched more than 300 drones overnight. Kyiv will very likely ask for more air defence.',
  '',
].join('\n');

/** The reconstruction source used across the service tests. */
export function worldBankDoc(): SourceDoc {
  return makeDoc('file:///ws/sources/reconstruction.txt', WORLD_BANK_TEXT, {
    citekey: 'analyst2025',
    title: 'Reconstruction after the war',
    issued: '2025-08-17',
    claims: {
      'Those are points': { kind: 'quote', speaker: 'Donald Trump' },
      'World Bank': { kind: 'fact', speaker: 'World Bank' },
      'very likely': { kind: 'assessment', speaker: 'author', confidence: 'very likely' },
    },
    entities: [
      { name: 'Donald Trump', type: 'person', aliases: ['Trump'] },
      { name: 'World Bank', type: 'organization' },
      { name: 'Ukraine', type: 'place' },
      { name: 'Kyiv', type: 'place' },
    ],
    figures: [
      { text: 'US$524 billion', value: 524e9, unit: 'USD', source: 'World Bank' },
      { text: 'more than 300 drones', value: 300, unit: 'count', counts: 'drones' },
    ],
  });
}
