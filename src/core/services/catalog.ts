// Lookup tables over every source of the workspace, built once per index change so that hover,
// completion, definition and references answer from maps instead of scanning every sentence on
// every keystroke.
import type { Claim, Figure, SourceDoc } from '../model';
import { quantityKey } from '../text/keys';
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
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u)) {
    // Most words are plain ASCII: only the others pay for decomposition.
    const w = /^[a-z0-9]*$/.test(raw) ? raw : raw.normalize('NFD').replace(/\p{M}+/gu, '');
    if (w) out.push(w);
  }
  return out;
}

/** What the catalog needs of one source, computed once per source object and kept across rebuilds. */
interface DocTables {
  /** Visible claims, then figures of visible claims, in text order within each. */
  targets: CiteTarget[];
  claimsById: Map<string, Claim>;
  /** Distinct searchable words of the targets, sorted, and the targets (local indices, ascending) each appears in; built on the first search that reaches this source. */
  words?: { sorted: string[]; postings: Map<string, number[]> };
  /** Words of the title, authors and publisher. */
  titleWords: string[];
}

// The index reuses a source's object while its text and sidecar are unchanged, so after one source
// changed a rebuild computes that source's tables only.
const docTables = new WeakMap<SourceDoc, DocTables>();

function wordTables(t: DocTables): NonNullable<DocTables['words']> {
  if (t.words) return t.words;
  const postings = new Map<string, number[]>();
  t.targets.forEach((target, n) => {
    const text =
      target.kind === 'claim'
        ? `${target.claim.text} ${target.claim.speaker}`
        : `${target.figure.text} ${target.figure.counts ?? ''} ${target.figure.source ?? ''} ${target.claim?.text ?? ''}`;
    for (const w of new Set(words(text))) {
      const list = postings.get(w);
      if (list) list.push(n);
      else postings.set(w, [n]);
    }
  });
  t.words = { sorted: [...postings.keys()].sort(), postings };
  return t.words;
}

function tablesOf(doc: SourceDoc): DocTables {
  let t = docTables.get(doc);
  if (t) return t;
  const claimsById = new Map(doc.extraction.claims.map((c) => [c.id, c]));
  const targets: CiteTarget[] = [];
  for (const claim of doc.extraction.claims) if (!claim.hidden) targets.push({ kind: 'claim', doc, claim });
  for (const figure of doc.extraction.figures) {
    const claim = claimsById.get(figure.claimId);
    if (!claim?.hidden) targets.push({ kind: 'figure', doc, figure, claim });
  }
  const titleWords = words(`${doc.meta.title ?? ''} ${(doc.meta.authors ?? []).join(' ')} ${doc.meta.publisher ?? ''}`);
  t = { targets, claimsById, titleWords };
  docTables.set(doc, t);
  return t;
}

export class Catalog {
  readonly docs: SourceDoc[];
  readonly targets: CiteTarget[] = [];
  private workspaceEntities: WorkspaceEntity[] | undefined;
  private readonly tables: DocTables[];
  private readonly byKey = new Map<string, SourceDoc>();
  private readonly byPath = new Map<string, SourceDoc>();
  private readonly byQuantity = new Map<string, CiteTarget[]>();
  private readonly entityOf = new Map<string, WorkspaceEntity>();
  private readonly hitsByPath = new Map<string, SourceHit[]>();
  /** Per source (same order as docs): the words of its citekey (citekeys change when the index re-keys). */
  private readonly keyWords: string[][];

  constructor(docs: readonly SourceDoc[]) {
    this.docs = [...docs];
    this.tables = this.docs.map(tablesOf);
    this.keyWords = this.docs.map((doc) => words(doc.citekey));
    this.docs.forEach((doc, i) => {
      this.byKey.set(doc.citekey, doc);
      this.byPath.set(doc.path, doc);
      for (const target of this.tables[i].targets) {
        this.targets.push(target);
        if (target.kind !== 'figure') continue;
        const q = quantityKey(target.figure);
        const list = this.byQuantity.get(q);
        if (list) list.push(target);
        else this.byQuantity.set(q, [target]);
      }
    });
  }

  private prepared = 0;

  /**
   * Builds the word tables of sources no search has reached yet, for about `budgetMs`, so that the
   * editor can do it in idle slices instead of on the first keystroke; true once all are built.
   */
  prepareSearch(budgetMs: number): boolean {
    const end = Date.now() + budgetMs;
    for (; this.prepared < this.tables.length; this.prepared++) {
      if (Date.now() >= end) return false;
      wordTables(this.tables[this.prepared]);
    }
    return true;
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
    return tablesOf(doc).claimsById.get(id);
  }

  /** Figures anywhere in the workspace that state this quantity. */
  figuresWith(value: number, unit: string): CiteTarget[] {
    return this.byQuantity.get(quantityKey({ value, unit })) ?? [];
  }

  workspaceEntity(doc: SourceDoc, entityId: string): WorkspaceEntity | undefined {
    this.joinEntities();
    return this.entityOf.get(doc.path + '#' + entityId);
  }

  /**
   * Targets every query word is a prefix of some word of (claim text, speaker, figure, citekey),
   * in source order; at most `limit`. Sources are searched one by one through their own word
   * tables, so the search stops as soon as it has enough.
   */
  search(query: string, limit: number): CiteTarget[] {
    const qs = [...new Set(words(query))];
    if (qs.length === 0) return this.targets.slice(0, limit);
    const out: CiteTarget[] = [];
    for (let i = 0; i < this.docs.length && out.length < limit; i++) {
      const t = this.tables[i];
      const { sorted, postings } = wordTables(t);
      let local: Set<number> | undefined; // undefined: every target of the source matches so far
      let none = false;
      for (const q of qs) {
        if (this.keyWords[i].some((w) => w.startsWith(q))) continue;
        const hits = new Set<number>();
        for (let k = lowerBound(sorted, q); k < sorted.length && sorted[k].startsWith(q); k++) {
          for (const n of postings.get(sorted[k])!) if (!local || local.has(n)) hits.add(n);
        }
        local = hits;
        if (hits.size === 0) {
          none = true;
          break;
        }
      }
      if (none) continue;
      const picked = local ? [...local].sort((x, y) => x - y) : t.targets.map((_, n) => n);
      for (const n of picked) {
        out.push(t.targets[n]);
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
      const titleWords = this.tables[i].titleWords;
      if (this.docs[i].citekey.toLowerCase().startsWith(key) || (qs.length > 0 && qs.every((q) => titleWords.some((w) => w.startsWith(q))))) out.push(this.docs[i]);
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
