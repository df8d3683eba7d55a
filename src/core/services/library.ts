// The analyst's library as the editor features see it: look-up by key, search for completion, and
// the escaped Markdown of an entry for hovers and completion previews.
import type { LibraryEntry } from '../memo/bibliographies';
import { escapeMarkdown } from '../render/markdown';
import { words } from './catalog';

export type { LibraryEntry };

/** A memo's bibliography entries (files first, in the order the front matter names them, then inline). */
export class Library {
  private readonly byKey = new Map<string, LibraryEntry>();

  constructor(readonly entries: readonly LibraryEntry[] = []) {
    // pandoc reports a duplicate and uses the first: so does the look-up.
    for (const e of entries) if (!this.byKey.has(e.key)) this.byKey.set(e.key, e);
  }

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): LibraryEntry | undefined {
    return this.byKey.get(key);
  }

  keys(): Set<string> {
    return new Set(this.byKey.keys());
  }

  /** Entries whose key starts with the query, or whose author, title and year words all start with one of its words. */
  search(query: string, limit: number): LibraryEntry[] {
    const q = query.toLowerCase();
    const qs = words(query);
    const out: Array<{ e: LibraryEntry; rank: number }> = [];
    for (const e of this.byKey.values()) {
      if (!q || e.key.toLowerCase().startsWith(q)) out.push({ e, rank: 0 });
      else if (qs.length) {
        const ws = words([e.key, ...e.familyNames, e.title, e.year].filter(Boolean).join(' '));
        if (qs.every((w) => ws.some((x) => x.startsWith(w)))) out.push({ e, rank: 1 });
      }
    }
    return out
      .sort((a, b) => a.rank - b.rank || (a.e.key < b.e.key ? -1 : a.e.key > b.e.key ? 1 : 0))
      .slice(0, limit)
      .map((x) => x.e);
  }
}

/** "Smith & Jones", "Smith et al.", or the editor's or body's name: who, in a short label. */
export function shortAuthors(entry: LibraryEntry): string {
  const f = entry.familyNames;
  if (f.length === 0) return '';
  if (f.length === 1) return f[0];
  if (f.length === 2) return `${f[0]} & ${f[1]}`;
  return `${f[0]} et al.`;
}

/** One plain line for completion details: "Smith & Jones · 2024 · Title". Not markdown. */
export function entryDetail(entry: LibraryEntry): string {
  return [shortAuthors(entry), entry.year, entry.title].filter(Boolean).join(' · ') || entry.type;
}

/** The full reference as escaped Markdown: authors (year). *Title*. Container. Publisher. DOI/URL. */
export function entryReference(entry: LibraryEntry): string {
  const parts: string[] = [];
  const who = entry.authors.length ? entry.authors.join('; ') : '';
  const head = [who && escapeMarkdown(who), entry.issued ? `(${escapeMarkdown(entry.issued)})` : ''].filter(Boolean).join(' ');
  if (head) parts.push(head);
  if (entry.title) parts.push(`*${escapeMarkdown(entry.title)}*`);
  if (entry.container) parts.push(escapeMarkdown(entry.container));
  if (entry.publisher) parts.push(escapeMarkdown(entry.publisher));
  const link = entry.doi ? `doi:${entry.doi}` : entry.url;
  if (link) parts.push(escapeMarkdown(link));
  return parts.join('. ') || `*${escapeMarkdown(entry.key)}*`;
}

/** The hover card of a library entry: the reference, its key and type, and where it is defined. */
export function entryCard(entry: LibraryEntry): string {
  const where = entry.file ? `from ${escapeMarkdown(entry.file.replace(/^.*\//, ''))}` : "from the memo's references";
  return `${entryReference(entry)}\n\n@${escapeMarkdown(entry.key)} · ${escapeMarkdown(entry.type)} · ${where}`;
}
