import { STRUCTURE_RULES } from '../text/structure';

/**
 * Why a claim has its kind, speaker and confidence, and why a figure has its source: every rule id
 * the extraction records, with the one line an analyst reads in a tooltip or in
 * `claimdesk extract --explain`. The first test that holds wins, in the order below for kinds
 * (SCHEMA: quote, reported, recommendation, fact, assessment).
 */
export const CLAIM_RULES: Readonly<Record<string, string>> = {
  'kind.quote': 'words in quotation marks with a speaker',
  'kind.according-to': '"according to X": a fact on X’s authority',
  'kind.reported': 'a verb of saying or thinking relays someone’s position',
  'kind.passive-report': '"is believed to", "is estimated at", "reportedly": relays unnamed others',
  'kind.recommendation': '"should", "must", "needs to" in the main clause',
  'kind.estimative': 'an estimative phrase makes it a judgment',
  'kind.legal-status': 'what a law makes illegal or required is checkable',
  'kind.modal': '"would", "could", "may": the author’s reasoning',
  'kind.documented': '"is documented", "appears to have": a record of what happened',
  'kind.counted': 'counts or money: checkable',
  'kind.changed-share': 'a percentage that rose, fell or stands at a level',
  'kind.dated-event': 'a dated past event, even with an evaluative word',
  'kind.opinion': 'evaluative words ("clearly", "crucial", "mistake")',
  'kind.past-event': 'a finite past verb: what happened',
  'kind.anaphoric-analysis': '"These vulnerabilities have …": the author’s analysis',
  'kind.present-perfect': '"has destroyed", "have taken in": what has happened',
  'kind.named-present': 'where named things stand now ("faces a charge", "is located")',
  'kind.judgment': 'explains, generalises, compares or evaluates',
  'kind.plain-present': 'a plain statement of how things are',
  'speaker.according-to': '"according to X"',
  'speaker.according-to-body': '"according to the group": the body last named',
  'speaker.according-to-its-report': '"according to its report": the body it belongs to',
  'speaker.its-figures-show': '"its own figures show": the body they belong to',
  'speaker.subject-of-saying': 'the subject of a verb of saying ("X said", "X, an analyst at Y, said")',
  'speaker.participle-saying': '", saying …" after the sentence’s subject',
  'speaker.his-office': '"his office said": the person the office speaks for',
  'speaker.pronoun-subject': '"he said": the latest speaker or person named',
  'speaker.after-quote': 'quote followed by "said X"',
  'speaker.pronoun-after-quote': 'quote followed by "said he"',
  'speaker.quotation-continues': 'a quotation opening right after the speaker’s sentence',
  'speaker.quotation-runs-on': 'part of a quotation that runs across sentences',
  'speaker.unnamed-group': '"Officials said": an unnamed speaker, in the author’s name',
  'speaker.unnamed-after-quote': 'quote followed by "said a spokesman": unnamed',
  'speaker.unnamed-subject': '"Backers of tariffs say": an unnamed speaker, in the author’s name',
  'confidence.estimative-phrase': 'an ICD 203 estimative phrase governs the main clause',
  'figure.source-is-speaker': 'the figure stands in the speaker’s claim',
  'structure.body': 'no structure rule held: a body paragraph',
};

/** The reason for a rule id of any stage, or the id itself when unknown. */
export function ruleReason(id: string): string {
  return CLAIM_RULES[id] ?? STRUCTURE_RULES.find((r) => r.id === id)?.reason ?? id;
}

/** A short "why" line for a claim's tooltip or a figure's hover: "kind: …; speaker: …" (plain text, unescaped). */
export function whyLine(why: readonly string[] | undefined): string | undefined {
  if (!why?.length) return undefined;
  return why.map((id) => `${id.slice(0, id.indexOf('.'))}: ${ruleReason(id)}`).join('; ');
}
