// Citation completion after `[@` or `@`: sources first, then claims and figures whose words match
// what was typed (not only their key), each inserting a complete Pandoc citation.
import { escapeMarkdown } from '../render/markdown';
import type { SourceDoc } from '../model';
import type { Catalog, CiteTarget } from './catalog';
import { citationFor, targetLabel } from './cite';
import { sourceLine } from './hover';
import { entryCard, entryDetail, type Library, type LibraryEntry } from './library';

/** Where a citation is being typed: the `@`, the text typed after it, and the range a completion replaces. */
export interface CitationCompletionContext {
  at: number;
  query: string;
  replaceStart: number;
  replaceEnd: number;
  /** Inside `[ … ]` already (insert `key, para. N`), or bare (insert the whole `[@key, para. N]`). */
  inBracket: boolean;
  /** The bracket is open with no `]` after the cursor on this line. */
  needsClose: boolean;
}

export interface CitationCompletion {
  /** A source, a claim or figure of one, or an entry of the memo's own bibliography. */
  kind: 'source' | 'claim' | 'figure' | 'reference';
  label: string;
  insertText: string;
  filterText: string;
  sortText: string;
  detail: string;
  /** What the item cites; `completionPreview` renders it when the item is selected. */
  target: CiteTarget | { kind: 'source'; doc: SourceDoc } | { kind: 'reference'; entry: LibraryEntry };
}

const KEY_CHAR = /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u;

/** The citation being typed at an offset, or undefined when the cursor is not after an `@`. */
export function citationCompletionContext(text: string, offset: number): CitationCompletionContext | undefined {
  let at = offset - 1;
  while (at >= 0 && offset - at <= 100 && KEY_CHAR.test(text[at])) at--;
  if (at < 0 || text[at] !== '@') return undefined;
  const before = at > 0 ? text[at - 1] : '';
  if (before && !/[\s[;(\-"“'‘]/.test(before)) return undefined; // an e-mail address, not a citation
  let end = offset;
  while (end < text.length && end - offset < 100 && KEY_CHAR.test(text[end])) end++;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineBefore = text.slice(lineStart, at);
  const inBracket = lineBefore.lastIndexOf('[') > lineBefore.lastIndexOf(']');
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const lineAfter = text.slice(end, lineEnd);
  const close = lineAfter.indexOf(']');
  const reopen = lineAfter.indexOf('[');
  const needsClose = inBracket && (close < 0 || (reopen >= 0 && reopen < close));
  return {
    at,
    query: text.slice(at + 1, offset),
    replaceStart: inBracket ? at + 1 : at,
    replaceEnd: end,
    inBracket,
    needsClose,
  };
}

function insertion(ctx: CitationCompletionContext, citation: string): string {
  // citation is `[@key…]`; inside a bracket only `key…` goes in.
  if (!ctx.inBracket) return citation;
  const inner = citation.slice(2, -1);
  return ctx.needsClose ? inner + ']' : inner;
}

/** Markdown (escaped) previewing an item's sentence and source: computed only for the selected item. */
export function completionPreview(item: Pick<CitationCompletion, 'target'>): string {
  const target = item.target;
  if (target.kind === 'reference') return entryCard(target.entry);
  if (target.kind === 'source') return `${sourceLine(target.doc)}\n\n${target.doc.extraction.claims.length} claims, ${target.doc.extraction.figures.length} figures`;
  const sentence = target.kind === 'claim' ? target.claim.text : target.claim?.text ?? target.figure.text;
  const para = target.kind === 'claim' ? target.claim.paragraph : target.figure.paragraph;
  return `> ${escapeMarkdown(sentence)}\n\n${sourceLine(target.doc)} · para. ${para}`;
}

/**
 * Completion items for a context: matching sources, then the memo's bibliography entries (author,
 * year and title), then matching claims and figures (at most `limit` in all).
 */
export function citationCompletions(catalog: Catalog, ctx: CitationCompletionContext, limit = 60, library?: Library): CitationCompletion[] {
  const typed = ctx.inBracket ? ctx.query : '@' + ctx.query;
  const out: CitationCompletion[] = [];
  for (const doc of catalog.searchSources(ctx.query, Math.min(limit, 20))) {
    out.push({
      kind: 'source',
      label: '@' + doc.citekey,
      insertText: insertion(ctx, `[@${doc.citekey}]`),
      filterText: `${typed} ${doc.citekey}`,
      sortText: `0${String(out.length).padStart(5, '0')}`,
      detail: doc.meta.title ?? doc.path.replace(/^.*\//, ''),
      target: { kind: 'source', doc },
    });
  }
  const seen = new Set(out.map((c) => c.label));
  for (const entry of library?.search(ctx.query, Math.min(limit - out.length, 30)) ?? []) {
    if (seen.has('@' + entry.key)) continue; // a source with the same key is what the check resolves to
    out.push({
      kind: 'reference',
      label: '@' + entry.key,
      insertText: insertion(ctx, `[@${entry.key}]`),
      filterText: [typed, entry.key, ...entry.familyNames, entry.year, entry.title].filter(Boolean).join(' '),
      sortText: `0${String(out.length).padStart(5, '0')}`,
      detail: entryDetail(entry),
      target: { kind: 'reference', entry },
    });
  }
  const targets = catalog.search(ctx.query, limit - out.length);
  targets.forEach((target, i) => {
    const citation = citationFor(target);
    const label = targetLabel(target);
    const who = target.kind === 'claim' ? `${target.claim.kind} · ${target.claim.speaker}` : `figure · ${target.figure.source ?? target.claim?.speaker ?? 'author'}`;
    out.push({
      kind: target.kind,
      label: label.length > 90 ? label.slice(0, 89) + '…' : label,
      insertText: insertion(ctx, citation),
      filterText: `${typed} ${label}`,
      sortText: `${target.kind === 'claim' ? 1 : 2}${String(i).padStart(5, '0')}`,
      detail: `${who} — ${citation}`,
      target,
    });
  });
  return out;
}
