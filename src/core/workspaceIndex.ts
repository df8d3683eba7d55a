import type { SourceDoc } from './model';
import { buildSource, sidecarPathFor, type SourceInput } from './source';
import { sourceHash } from './cache';

export interface IndexChange {
  /** Paths whose sources were added, changed or removed. */
  paths: string[];
}

type Listener = (change: IndexChange) => void;

/**
 * Every source of a workspace, by path and by citekey. Owns citekey disambiguation so that two
 * sources never share a key (the later path gets a, b, c…, deterministic whatever the load order).
 * Rebuilds a source only when its text or sidecar changed.
 *
 * Disambiguation is incremental: sources are grouped by base citekey and a change re-keys only
 * the groups it touches, so editing one source of thousands costs one build, not N.
 */
export class WorkspaceIndex {
  private readonly byPath = new Map<string, SourceDoc>();
  private readonly byKey = new Map<string, SourceDoc>();
  /** Sources sharing a base citekey, in path order. */
  private readonly groups = new Map<string, SourceDoc[]>();
  private readonly listeners = new Set<Listener>();
  /** Path-ordered view, rebuilt lazily after a change. */
  private sorted: SourceDoc[] | undefined;
  /** Source of each sidecar path, rebuilt lazily after a change. */
  private bySidecar: Map<string, SourceDoc> | undefined;

  /** Adds or updates a source; returns the indexed document (reused when nothing changed). */
  upsert(input: SourceInput): SourceDoc {
    const doc = this.build(input);
    if (doc !== this.byPath.get(input.path)) {
      this.rekey(this.place(doc));
      this.emit([input.path]);
    }
    return doc;
  }

  /** Adds many sources with one re-keying and one change event. */
  upsertMany(inputs: SourceInput[]): void {
    this.upsertDocs(inputs.map((input) => this.build(input)));
  }

  /**
   * Adds documents built elsewhere (a chunked indexer, a cache) with one re-keying and one change
   * event. Each document's `path` is its key; a document equal by hash to the indexed one is skipped.
   */
  upsertDocs(docs: SourceDoc[]): void {
    const touched = new Set<string>();
    const paths: string[] = [];
    for (const doc of docs) {
      const previous = this.byPath.get(doc.path);
      if (previous === doc || (previous && previous.hash === doc.hash && previous.citekeyBase === (doc.citekeyBase ?? doc.citekey))) continue;
      for (const base of this.place(doc)) touched.add(base);
      paths.push(doc.path);
    }
    if (paths.length) {
      this.rekey(touched);
      this.emit(paths);
    }
  }

  remove(path: string): void {
    const doc = this.byPath.get(path);
    if (!doc) return;
    this.byPath.delete(path);
    this.sorted = undefined;
    this.bySidecar = undefined;
    const base = doc.citekeyBase ?? doc.citekey;
    this.leaveGroup(doc, base);
    this.rekey([base]);
    this.emit([path]);
  }

  get(path: string): SourceDoc | undefined {
    return this.byPath.get(path);
  }

  byCitekey(key: string): SourceDoc | undefined {
    return this.byKey.get(key);
  }

  /** All sources in path order (a fresh array the caller may keep or sort). */
  sources(): SourceDoc[] {
    if (!this.sorted) this.sorted = [...this.byPath.values()].sort((a, b) => comparePaths(a.path, b.path));
    return this.sorted.slice();
  }

  /** The source a sidecar belongs to (the first in path order when `a.txt` and `a.md` share one). */
  sourceOfSidecar(sidecarPath: string): SourceDoc | undefined {
    if (!this.bySidecar) {
      this.bySidecar = new Map();
      for (const doc of this.sources()) if (!this.bySidecar.has(sidecarPathFor(doc.path))) this.bySidecar.set(sidecarPathFor(doc.path), doc);
    }
    return this.bySidecar.get(sidecarPath);
  }

  get size(): number {
    return this.byPath.size;
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private build(input: SourceInput): SourceDoc {
    const previous = this.byPath.get(input.path);
    // Hash first: an unchanged source costs a hash, not a rebuild.
    if (previous && previous.hash === sourceHash(input.text, input.sidecarText)) return previous;
    return buildSource(input);
  }

  /** Puts a document in place of any previous one at its path; returns the base keys whose groups changed. */
  private place(doc: SourceDoc): string[] {
    const base = doc.citekeyBase ?? doc.citekey;
    doc.citekeyBase = base;
    const previous = this.byPath.get(doc.path);
    this.byPath.set(doc.path, doc);
    this.sorted = undefined;
    this.bySidecar = undefined;
    const touched = [base];
    if (previous) {
      const previousBase = previous.citekeyBase ?? previous.citekey;
      this.leaveGroup(previous, previousBase);
      if (previousBase !== base) touched.push(previousBase);
    }
    const group = this.groups.get(base);
    if (!group) this.groups.set(base, [doc]);
    else group.splice(insertionPoint(group, doc.path), 0, doc);
    return touched;
  }

  private leaveGroup(doc: SourceDoc, base: string): void {
    const group = this.groups.get(base);
    if (!group) return;
    const i = group.indexOf(doc);
    if (i >= 0) group.splice(i, 1);
    if (this.byKey.get(doc.citekey) === doc) this.byKey.delete(doc.citekey);
    if (group.length === 0) this.groups.delete(base);
  }

  /** Assigns unique citekeys within the given groups: sources sharing a base key get suffixes a, b, c… in path order. */
  private rekey(bases: Iterable<string>): void {
    for (const base of bases) {
      const docs = this.groups.get(base);
      if (!docs) continue;
      for (const doc of docs) if (this.byKey.get(doc.citekey) === doc) this.byKey.delete(doc.citekey);
      if (docs.length === 1) {
        const doc = docs[0];
        doc.citekey = base;
        doc.problems = doc.problems.filter((p) => p.code !== 'duplicate-citekey');
        this.byKey.set(base, doc);
        continue;
      }
      docs.forEach((doc, i) => {
        doc.citekey = base + suffix(i);
        this.byKey.set(doc.citekey, doc);
        const message = `The citekey "${base}" is shared by ${docs.length} sources; this one is cited as "${doc.citekey}". Set "citekey:" in its sidecar to choose.`;
        doc.problems = doc.problems.filter((p) => p.code !== 'duplicate-citekey');
        doc.problems.push({ severity: 'warning', code: 'duplicate-citekey', message });
      });
    }
  }

  private emit(paths: string[]): void {
    for (const l of this.listeners) l({ paths });
  }
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index at which a path keeps a path-ordered group sorted. */
function insertionPoint(group: SourceDoc[], path: string): number {
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePaths(group[mid].path, path) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function suffix(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}
