import type { SourceDoc } from './model';
import { buildSource, type SourceInput } from './source';

export interface IndexChange {
  /** Paths whose sources were added, changed or removed. */
  paths: string[];
}

type Listener = (change: IndexChange) => void;

/**
 * Every source of a workspace, by path and by citekey. Owns citekey disambiguation so that two
 * sources never share a key (the later path gets a, b, c…, deterministic whatever the load order).
 * Rebuilds a source only when its text or sidecar changed.
 */
export class WorkspaceIndex {
  private readonly byPath = new Map<string, SourceDoc>();
  private byKey = new Map<string, SourceDoc>();
  private readonly listeners = new Set<Listener>();

  /** Adds or updates a source; returns the indexed document (reused when nothing changed). */
  upsert(input: SourceInput): SourceDoc {
    const doc = this.build(input);
    this.byPath.set(input.path, doc);
    this.rekey();
    this.emit([input.path]);
    return this.byPath.get(input.path)!;
  }

  /** Adds many sources with one re-keying and one change event. */
  upsertMany(inputs: SourceInput[]): void {
    for (const input of inputs) this.byPath.set(input.path, this.build(input));
    this.rekey();
    if (inputs.length) this.emit(inputs.map((i) => i.path));
  }

  remove(path: string): void {
    if (this.byPath.delete(path)) {
      this.rekey();
      this.emit([path]);
    }
  }

  get(path: string): SourceDoc | undefined {
    return this.byPath.get(path);
  }

  byCitekey(key: string): SourceDoc | undefined {
    return this.byKey.get(key);
  }

  /** All sources in path order. */
  sources(): SourceDoc[] {
    return [...this.byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
    const doc = buildSource(input);
    if (previous && previous.hash === doc.hash) return previous;
    return doc;
  }

  /** Assigns unique citekeys: sources sharing a base key get suffixes a, b, c… in path order. */
  private rekey(): void {
    const groups = new Map<string, SourceDoc[]>();
    for (const doc of this.sources()) {
      const base = doc.citekeyBase ?? doc.citekey;
      doc.citekeyBase = base;
      const list = groups.get(base) ?? [];
      list.push(doc);
      groups.set(base, list);
    }
    const byKey = new Map<string, SourceDoc>();
    for (const [base, docs] of groups) {
      if (docs.length === 1) {
        docs[0].citekey = base;
        byKey.set(base, docs[0]);
        continue;
      }
      docs.forEach((doc, i) => {
        doc.citekey = base + suffix(i);
        byKey.set(doc.citekey, doc);
        const message = `The citekey "${base}" is shared by ${docs.length} sources; this one is cited as "${doc.citekey}". Set "citekey:" in its sidecar to choose.`;
        doc.problems = doc.problems.filter((p) => p.code !== 'duplicate-citekey');
        doc.problems.push({ severity: 'warning', code: 'duplicate-citekey', message });
      });
    }
    this.byKey = byKey;
  }

  private emit(paths: string[]): void {
    for (const l of this.listeners) l({ paths });
  }
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
