// Grouping and filtering behind the Sources tree.
import { CLAIM_KINDS, ENTITY_TYPES, type Claim, type Entity, type EntityType, type SourceDoc } from '../model';
import { confidenceLevel, levelName } from '../memo/confidence';
import { words } from './catalog';

export type ClaimGrouping = 'kind' | 'speaker';

export interface Group<T> {
  key: string;
  label: string;
  items: T[];
}

/** Claims by kind (in the model's kind order) or by speaker (most claims first, the author last). */
export function groupClaims(claims: readonly Claim[], grouping: ClaimGrouping): Group<Claim>[] {
  const visible = claims.filter((c) => !c.hidden);
  if (grouping === 'kind') {
    return CLAIM_KINDS.map((kind) => ({ key: kind, label: kind, items: visible.filter((c) => c.kind === kind) })).filter((g) => g.items.length);
  }
  const bySpeaker = new Map<string, Claim[]>();
  for (const c of visible) {
    const list = bySpeaker.get(c.speaker) ?? [];
    list.push(c);
    bySpeaker.set(c.speaker, list);
  }
  return [...bySpeaker.entries()]
    .sort((a, b) => Number(a[0] === 'author') - Number(b[0] === 'author') || b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([speaker, items]) => ({ key: speaker, label: speaker, items }));
}

/** Entities by type (person, organization, place), most mentioned first. */
export function groupEntities(entities: readonly Entity[]): Group<Entity>[] {
  return ENTITY_TYPES.map((type: EntityType) => ({
    key: type,
    label: type === 'person' ? 'People' : type === 'organization' ? 'Organizations' : 'Places',
    items: entities.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name)),
  })).filter((g) => g.items.length);
}

/** A filter typed by the analyst: every word must begin some word of the text. */
export class TreeFilter {
  private readonly qs: string[];
  constructor(readonly query: string) {
    this.qs = words(query);
  }
  get active(): boolean {
    return this.qs.length > 0;
  }
  matches(...texts: Array<string | null | undefined>): boolean {
    if (!this.qs.length) return true;
    const ws = words(texts.filter(Boolean).join(' '));
    return this.qs.every((q) => ws.some((w) => w.startsWith(q)));
  }
  claim(c: Claim): boolean {
    return this.matches(c.text, c.speaker, c.kind, c.confidence);
  }
  entity(e: Entity): boolean {
    return this.matches(e.name, ...e.aliases, e.type);
  }
}

/** The label of a source in the tree: its title, else its file name. */
export function sourceTitle(doc: SourceDoc): string {
  return doc.meta.title ?? decodeURIComponent(doc.path.replace(/^.*\//, ''));
}

/** "Author · date" under a source's title. */
export function sourceDescription(doc: SourceDoc): string {
  // A source without a date cites without a year: say so where the analyst looks.
  return [doc.meta.authors?.join(', '), doc.meta.issued ?? 'no date'].filter(Boolean).join(' · ');
}

/** "speaker · confidence" beside a claim. */
export function claimDescription(c: Claim): string {
  return [c.speaker, c.confidence].filter(Boolean).join(' · ');
}

const MAX_WHO = 22;

/**
 * Who, in as few characters as a sidebar row can spare: a person's family name ("Trump" for
 * "Donald Trump"), a body's name up to 22 characters, "author" for the author's own voice.
 */
export function shortSpeaker(speaker: string, entities: readonly Entity[] = []): string {
  const name = speaker.replace(/\s+/g, ' ').trim();
  if (name === 'author') return name;
  const person = entities.find((e) => e.type === 'person' && (e.name === name || e.aliases.includes(name)));
  if (person) {
    const parts = name.split(' ').filter((w) => !/^(?:Jr|Sr|II|III|IV)\.?$/.test(w));
    if (parts.length > 1) return parts[parts.length - 1];
  }
  return name.length > MAX_WHO ? name.slice(0, MAX_WHO - 1).trimEnd() + '…' : name;
}

/** How sure, in the ICD 203 word ("is likely to" → "likely"); the phrase itself when it is no level. */
export function shortConfidence(phrase: string): string {
  const level = confidenceLevel(phrase);
  return level ? levelName(level) : phrase.replace(/\s+/g, ' ').trim();
}

/**
 * A claim row as an analyst scans it at 300–400 px: who and how sure first, then the sentence,
 * which the view cuts ("Trump · likely — Russia will …"). Under a speaker group the speaker is
 * already the group: only the confidence leads.
 */
export function claimRowLabel(c: Claim, entities: readonly Entity[], grouping: ClaimGrouping | 'entity'): string {
  const text = c.text.replace(/\s+/g, ' ').trim();
  const lead = [grouping === 'speaker' ? '' : shortSpeaker(c.speaker, entities), c.confidence ? shortConfidence(c.confidence) : ''].filter(Boolean).join(' · ');
  return lead ? `${lead} — ${text}` : text;
}
