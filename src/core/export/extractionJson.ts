import type { Claim, SourceDoc } from '../model';
import { ruleReason } from '../extract/rules';

/**
 * The extraction of one source as the CLI prints it: the evaluation shape (entities with
 * mentions, figures, claims) plus ids, spans, paragraph numbers and a `source` object.
 * Hidden claims (curated away) are left out.
 */
export function extractionToJson(doc: SourceDoc, options: { explain?: boolean } = {}): Record<string, unknown> {
  const { entities, figures, claims } = doc.extraction;
  return {
    source: {
      path: doc.path,
      citekey: doc.citekey,
      ...withoutOrigin(doc.meta),
      paragraphs: doc.paragraphs.filter((p) => p.role === 'body').length,
      // What each block of the text is, and the structure rule that said so (body blocks by number).
      ...(options.explain ? { blocks: doc.paragraphs.map((p) => ({ role: p.role, ...(p.index ? { paragraph: p.index } : {}), rule: `${p.rule ?? 'structure.body'}: ${ruleReason(p.rule ?? 'structure.body')}`, line: p.span.line + 1 })) } : {}),
    },
    entities: entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      mentions: e.aliases,
      count: e.mentions.length,
      ...(e.descriptions?.length ? { descriptions: e.descriptions } : {}),
    })),
    figures: figures.map((f) => ({
      id: f.id,
      text: f.text,
      value: f.value,
      unit: f.unit,
      counts: f.counts,
      qualifier: f.qualifier,
      ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}),
      source: f.source,
      paragraph: f.paragraph,
      claim: f.claimId,
      span: [f.span.start, f.span.end],
      ...(options.explain && f.source ? { why: [`figure.source-is-speaker: ${ruleReason('figure.source-is-speaker')}`] } : {}),
    })),
    claims: claims.filter((c) => !c.hidden).map((c) => ({
      id: c.id,
      text: c.text,
      kind: c.kind,
      speaker: c.speaker,
      confidence: c.confidence,
      paragraph: c.paragraph,
      span: [c.span.start, c.span.end],
      entities: c.entityIds,
      figures: c.figureIds,
      ...(c.note ? { note: c.note } : {}),
      ...(options.explain ? { why: explainClaim(c) } : {}),
    })),
    ...(doc.problems.length ? { problems: doc.problems.map((p) => ({ severity: p.severity, code: p.code, message: p.message, ...(p.file ? { file: p.file } : {}), ...(p.span ? { line: p.span.line + 1 } : {}) })) } : {}),
  };
}

/** The rules behind a claim, each with its reason: "kind.quote: words in quotation marks with a speaker". */
function explainClaim(c: Claim): string[] {
  const why = (c.why ?? []).map((id) => `${id}: ${ruleReason(id)}`);
  for (const field of c.curated ?? []) why.push(`curated: ${field} set in the sidecar`);
  return why;
}

function withoutOrigin<T extends { origin?: unknown }>(meta: T): Omit<T, 'origin'> {
  const { origin: _origin, ...rest } = meta;
  return rest;
}
