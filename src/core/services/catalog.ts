// Lookup tables over every source of the workspace, built once per index change so that hover,
// completion, definition and references answer from maps instead of scanning every sentence on
// every keystroke.
import type { Claim, Figure, SourceDoc } from '../model';
import type { WorkspaceIndex } from '../workspaceIndex';
import { buildWorkspaceEntities, type WorkspaceEntity } from '../workspaceEntities';

/** Something an analyst can cite: a claim, or a figure (with the claim that states it). */
export type CiteTarget =
  | { kind: 'claim'; doc: SourceDoc; claim: Claim }
  | { kind: 'figure'; doc: SourceDoc; figure: Figure; claim: Claim | undefined };

/** A mention or figure located in a source, for hovers there. */
export interface SourceHit {
  start: number;
  end: number;
  kind: 'figure' | 'entity';
  figure?: Figure;
  entity?: WorkspaceEntity;
}

/** Folds a text into searchable words: lower case, no diacritics, letters and digits only. */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Key under which the same quantity written different ways meets: unit and value to 6 significant digits. */
export function quantityKey(value: number, unit: string): string {
  let u = unit.trim().toLowerCase();
  if (u === '%' || u === 'per cent' || u === 'pct') u = 'percent';
  else if (u === '$' || u === 'us$') u = 'usd';
  return `${u}:${Number(value.toPrecision(6))}`;
}

/**
 * Searchable words of each claim and figure, kept across catalog rebuilds: the index reuses a
 * source's objects while its text and sidecar are unchanged, so a rebuild after one source changed
 * tokenises only that source.
 */
const targetWords = new WeakMap<object, string[]>();

function wordsOf(target: CiteTarget): string[] {
  const key = target.kind === 'claim' ? target.claim : target.figure;
  let ws = targetWords.get(key);
  if (!ws) {
    ws =
      target.kind === 'claim'
        ? [...new Set([...words(target.claim.text), ...words(target.claim.speaker)])]
        : [...new Set([...words(target.figure.text), ...words(target.figure.counts ?? ''), ...words(target.figure.source ?? ''), ...words(target.claim?.text ?? '')])];
    targetWords.set(key, ws);
  }
  return ws;
}

export class Catalog {
  readonly docs: SourceDoc[];
  readonly targets: CiteTarget[] = [];
  private workspaceEntities: WorkspaceEntity[] | undefined;
  private readonly byKey = new Map<string, SourceDoc>();
  private readonly byPath = new Map<string, SourceDoc>();
  private readonly byQuantity = new Map<string, CiteTarget[]>();
  private words: { postings: Map<string, number[]>; sorted: string[] } | undefined;
  private readonly entityOf = new Map<string, WorkspaceEntity>();
  private readonly hitsByPath = new Map<string, SourceHit[]>();
  private readonly claimsById = new Map<string, Claim>();
  /** Per source (same order as docs): its lower-cased citekey and the words of its title, authors and publisher. */
  private readonly sourceKeys: Array<{ key: string; words: string[] }> = [];

  constructor(docs: readonly SourceDoc[]) {
    this.docs = [...docs];
    for (const doc of this.docs) {
      this.byKey.set(doc.citekey, doc);
      this.byPath.set(doc.path, doc);
      this.sourceKeys.push({ key: doc.citekey.toLowerCase(), words: words(`${doc.meta.title ?? ''} ${(doc.meta.authors ?? []).join(' ')} ${doc.meta.publisher ?? ''}`) });
      for (const claim of doc.extraction.claims) {
        this.claimsById.set(doc.path + '#' + claim.id, claim);
        if (!claim.hidden) this.targets.push({ kind: 'claim', doc, claim });
      }
      for (const figure of doc.extraction.figures) {
        const claim = this.claimsById.get(doc.path + '#' + figure.claimId);
        if (claim?.hidden) continue;
        const target: CiteTarget = { kind: 'figure', doc, figure, claim };
        this.targets.push(target);
        const q = quantityKey(figure.value, figure.unit);
        const list = this.byQuantity.get(q);
        if (list) list.push(target);
        else this.byQuantity.set(q, [target]);
      }
    }
  }

  /** The word index of every target (its words and its source's citekey), built on the first search. */
  private wordIndex(): { postings: Map<string, number[]>; sorted: string[] } {
    if (this.words) return this.words;
    const postings = new Map<string, number[]>();
    const add = (w: string, n: number): void => {
      const list = postings.get(w);
      if (list) {
        if (list[list.length - 1] !== n) list.push(n);
      } else postings.set(w, [n]);
    };
    let keyDoc: SourceDoc | undefined;
    let keyWords: string[] = [];
    this.targets.forEach((target, n) => {
      if (target.doc !== keyDoc) {
        keyDoc = target.doc;
        keyWords = words(target.doc.citekey);
      }
      for (const w of keyWords) add(w, n);
      for (const w of wordsOf(target)) add(w, n);
    });
    this.words = { postings, sorted: [...postings.keys()].sort() };
    return this.words;
  }

  /** Workspace entities, joined on first use (memo hovers and completion never need them). */
  get entities(): WorkspaceEntity[] {
    return this.joinEntities();
  }

  private joinEntities(): WorkspaceEntity[] {
    if (!this.workspaceEntities) {
      this.workspaceEntities = buildWorkspaceEntities(this.docs);
      for (const entity of this.workspaceEntities) for (const occ of entity.occurrences) this.entityOf.set(occ.doc.path + '#' + occ.entity.id, entity);
    }
    return this.workspaceEntities;
  }

  source(citekey: string): SourceDoc | undefined {
    return this.byKey.get(citekey);
  }

  sourceAt(path: string): SourceDoc | undefined {
    return this.byPath.get(path);
  }

  claim(doc: SourceDoc, id: string): Claim | undefined {
    return this.claimsById.get(doc.path + '#' + id);
  }

  /** Figures anywhere in the workspace that state this quantity. */
  figuresWith(value: number, unit: string): CiteTarget[] {
    return this.byQuantity.get(quantityKey(value, unit)) ?? [];
  }

  workspaceEntity(doc: SourceDoc, entityId: string): WorkspaceEntity | undefined {
    this.joinEntities();
    return this.entityOf.get(doc.path + '#' + entityId);
  }

  /**
   * Targets every query word is a prefix of some word of (claim text, speaker, figure, citekey),
   * in source order; at most `limit`.
   */
  search(query: string, limit: number): CiteTarget[] {
    const qs = [...new Set(words(query))];
    if (qs.length === 0) return this.targets.slice(0, limit);
    const { postings, sorted } = this.wordIndex();
    // Each query word's matching index words, and how many targets they list in all.
    const matches = qs.map((q) => {
      const found: number[][] = [];
      let size = 0;
      for (let i = lowerBound(sorted, q); i < sorted.length && sorted[i].startsWith(q); i++) {
        const list = postings.get(sorted[i])!;
        found.push(list);
        size += list.length;
      }
      return { q, found, size };
    });
    matches.sort((a, b) => a.size - b.size);
    if (matches[0].size === 0) return [];
    // A short prefix ("r") matches most targets: walking targets in order finds the first `limit`
    // sooner than gathering and sorting every match.
    if (matches[0].size > 20 * limit) return this.scan(qs, limit);
    let result = new Set<number>();
    for (const list of matches[0].found) for (const n of list) result.add(n);
    for (const m of matches.slice(1)) {
      const next = new Set<number>();
      for (const list of m.found) for (const n of list) if (result.has(n)) next.add(n);
      result = next;
      if (result.size === 0) return [];
    }
    return [...result].sort((a, b) => a - b).slice(0, limit).map((n) => this.targets[n]);
  }

  private scan(qs: string[], limit: number): CiteTarget[] {
    const out: CiteTarget[] = [];
    let keyDoc: SourceDoc | undefined;
    let keyWords: string[] = [];
    for (const target of this.targets) {
      if (target.doc !== keyDoc) {
        keyDoc = target.doc;
        keyWords = words(target.doc.citekey);
      }
      const ws = wordsOf(target);
      if (qs.every((q) => ws.some((w) => w.startsWith(q)) || keyWords.some((w) => w.startsWith(q)))) {
        out.push(target);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  /** Sources whose citekey starts with the query, or whose title/author/publisher words all begin with its words. */
  searchSources(query: string, limit: number): SourceDoc[] {
    const key = query.toLowerCase();
    const qs = words(query);
    const out: SourceDoc[] = [];
    for (let i = 0; i < this.docs.length && out.length < limit; i++) {
      const s = this.sourceKeys[i];
      if (s.key.startsWith(key) || (qs.length > 0 && qs.every((q) => s.words.some((w) => w.startsWith(q))))) out.push(this.docs[i]);
    }
    return out;
  }

  /** Figures and entity mentions of one source, sorted by offset (built on first use). */
  hitsIn(doc: SourceDoc): SourceHit[] {
    let hits = this.hitsByPath.get(doc.path);
    if (hits) return hits;
    hits = [];
    for (const figure of doc.extraction.figures) hits.push({ start: figure.span.start, end: figure.span.end, kind: 'figure', figure });
    for (const entity of doc.extraction.entities) {
      const we = this.workspaceEntity(doc, entity.id);
      for (const m of entity.mentions) hits.push({ start: m.span.start, end: m.span.end, kind: 'entity', entity: we });
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    this.hitsByPath.set(doc.path, hits);
    return hits;
  }

  /** The figure or mention covering an offset of a source; figures win over mentions inside them. */
  hitAt(doc: SourceDoc, offset: number): SourceHit | undefined {
    const hits = this.hitsIn(doc);
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid].start <= offset) lo = mid + 1;
      else hi = mid;
    }
    // Spans are short, so looking back a few entries finds any enclosing one.
    let best: SourceHit | undefined;
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
      const h = hits[i];
      if (offset < h.start || offset >= h.end) continue;
      if (h.kind === 'figure') return h;
      best ??= h;
    }
    return best;
  }

  /** The claim whose sentence covers an offset of a source. */
  claimAt(doc: SourceDoc, offset: number): Claim | undefined {
    const claims = doc.extraction.claims;
    let lo = 0;
    let hi = claims.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (claims[mid].span.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    const c = claims[lo - 1];
    return c && offset >= c.span.start && offset <= c.span.end ? c : undefined;
  }
}

function lowerBound(sorted: string[], q: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The catalog of a live index, rebuilt lazily after the index changes. */
export class CatalogCache {
  private current: Catalog | undefined;
  private readonly sub: { dispose(): void };

  constructor(private readonly index: WorkspaceIndex) {
    this.sub = index.onDidChange(() => {
      this.current = undefined;
    });
  }

  get(): Catalog {
    return (this.current ??= new Catalog(this.index.sources()));
  }

  dispose(): void {
    this.sub.dispose();
  }
}
