// Hover cards as Markdown. Every piece of source or memo text goes through escapeMarkdown, and the
// only links are command links to Claimdesk's own commands (commandLink refuses anything else).
import { citationAt, formatCitation, parseCitations, type CitationItem } from '../citation';
import { evidenceGroupsCached, evidenceNotes } from '../evidence/conflicts';
import { whyLine } from '../extract/rules';
import { findFigures } from '../figures/parse';
import type { Claim, SourceDoc } from '../model';
import { commandLink, escapeMarkdown } from '../render/markdown';
import type { WorkspaceEntity } from '../workspaceEntities';
import type { Catalog, CiteTarget } from './catalog';
import { citationFor, describeFigure, formatValue } from './cite';
import { entryCard, type Library } from './library';

export interface HoverCard {
  markdown: string;
  start: number;
  end: number;
}

/** Arguments of `claimdesk.openSource`: a source path/URI and the span to select. */
export type OpenSourceArgs = [path: string, start: number, end: number];

/** Argument of `claimdesk.insertCitation` from a hover: what to insert, and where. */
export interface InsertCitationArgs {
  text: string;
  uri?: string;
  offset?: number;
}

const MAX_LISTED = 6;

/** The blank-line-delimited paragraph around an offset: hovers only parse that much of a memo. */
export function paragraphAround(text: string, offset: number): { start: number; end: number } {
  const before = text.lastIndexOf('\n\n', Math.max(0, offset - 1));
  const after = text.indexOf('\n\n', offset);
  return { start: before < 0 ? 0 : before + 2, end: after < 0 ? text.length : after };
}

/** The hover for a memo position: a citation card, or a figure card for a figure some source states. */
export function memoHover(catalog: Catalog, text: string, offset: number, memoUri?: string, library?: Library): HoverCard | undefined {
  const para = paragraphAround(text, offset);
  const slice = text.slice(para.start, para.end);
  const citations = parseCitations(slice);
  const hit = citationAt(citations, offset - para.start);
  if (hit) {
    const markdown = citationCard(catalog, hit.item, library);
    return { markdown, start: para.start + hit.item.start, end: para.start + hit.item.end };
  }
  // The same parser as extraction, so "$524bn" here meets "US$524 billion" there.
  const figure = findFigures(slice).find((f) => offset - para.start >= f.start && offset - para.start < f.end);
  if (!figure) return undefined;
  const matches = catalog.figuresWith(figure.value, figure.unit);
  if (!matches.length) return undefined;
  // A source cited right after the figure comes first: that is the one the analyst meant.
  const next = citations.find((c) => c.start >= figure.end);
  const citedKeys = new Set(next?.items.map((i) => i.key) ?? []);
  const ordered = [...matches].sort((a, b) => Number(citedKeys.has(b.doc.citekey)) - Number(citedKeys.has(a.doc.citekey)));
  const end = para.start + figure.end;
  const insert = memoUri !== undefined ? { uri: memoUri, offset: end } : undefined;
  const cards = ordered.slice(0, 3).map((t) => figureCard(t as Extract<CiteTarget, { kind: 'figure' }>, insert));
  // What the other sources say of the same measure: corroboration, or the other side of a conflict.
  const first = ordered[0] as Extract<CiteTarget, { kind: 'figure' }>;
  const notes = evidenceNotes(evidenceGroupsCached(catalog.docs), first.doc.path, first.figure.id, (f) => formatCitation(f.citekey, f.paragraph));
  if (notes.length) cards.splice(1, 0, notes.map(escapeMarkdown).join(' '));
  // The rest counted by source: one article stating the figure twice is one more source, not two.
  const shown = new Set(ordered.slice(0, 3).map((t) => t.doc.path));
  const more = new Set(ordered.slice(3).map((t) => t.doc.path).filter((p) => !shown.has(p))).size;
  const mentions = ordered.length - 3;
  if (more) cards.push(`*${more} more source${more === 1 ? ' states' : 's state'} this figure.*`);
  else if (mentions > 0) cards.push(`*Stated ${mentions} more time${mentions === 1 ? '' : 's'} in ${shown.size === 1 ? 'this source' : 'these sources'}.*`);
  return { markdown: cards.join('\n\n---\n\n'), start: para.start + figure.start, end };
}

/** The hover for a source position: the figure card, or the workspace entity's card. */
export function sourceHover(catalog: Catalog, doc: SourceDoc, offset: number): HoverCard | undefined {
  const hit = catalog.hitAt(doc, offset);
  if (!hit) return undefined;
  if (hit.kind === 'figure' && hit.figure) {
    const claim = catalog.claim(doc, hit.figure.claimId);
    return { markdown: figureCard({ kind: 'figure', doc, figure: hit.figure, claim }), start: hit.start, end: hit.end };
  }
  if (hit.entity) return { markdown: entityCard(hit.entity), start: hit.start, end: hit.end };
  return undefined;
}

/** Title, author and date of a source, escaped, on one line. */
export function sourceLine(doc: SourceDoc): string {
  const title = doc.meta.title ?? doc.path.replace(/^.*\//, '');
  const rest = [doc.meta.authors?.join(', '), doc.meta.containerTitle ?? doc.meta.publisher, doc.meta.issued].filter(Boolean).join(' · ');
  return `*${escapeMarkdown(title)}*` + (rest ? ` — ${escapeMarkdown(rest)}` : '');
}

function openLink(label: string, doc: SourceDoc, start: number, end: number): string {
  const args: OpenSourceArgs = [doc.path, start, end];
  return commandLink(label, 'claimdesk.openSource', args);
}

/** What a figure measures, who it is attributed to, the exact sentence, the source, and actions. */
export function figureCard(target: Extract<CiteTarget, { kind: 'figure' }>, insert?: { uri: string; offset: number }): string {
  const { doc, figure, claim } = target;
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(figure.text)}** — ${escapeMarkdown(describeFigure(target))}: ${escapeMarkdown(formatValue(target))}`);
  const attributed = figure.source ?? (claim && claim.speaker !== 'author' ? claim.speaker : null);
  lines.push(`Attributed to: ${attributed ? escapeMarkdown(attributed) : '*the author (no source named in the text)*'}`);
  const why = whyLine(claim?.why?.filter((id) => id.startsWith('speaker.')));
  if (attributed && why) lines.push(`*Why:* ${escapeMarkdown(why)}`);
  if (claim) lines.push(`> ${escapeMarkdown(claim.text)}`);
  lines.push(`${sourceLine(doc)} · para. ${figure.paragraph} · ${escapeMarkdown(citationFor(target))}`);
  const span = claim?.span ?? figure.span;
  const args: InsertCitationArgs = { text: citationFor(target), ...(insert ?? {}) };
  lines.push(`${openLink('Open source at this sentence', doc, span.start, span.end)} · ${commandLink('Insert citation', 'claimdesk.insertCitation', [args])}`);
  return lines.join('\n\n');
}

function claimLine(doc: SourceDoc, claim: Claim, withSource: boolean): string {
  const who = claim.speaker === 'author' ? 'author' : claim.speaker;
  const conf = claim.confidence ? ` · ${escapeMarkdown(claim.confidence)}` : '';
  const where = withSource ? ` — ${sourceLine(doc)}, para. ${claim.paragraph}` : '';
  return `- *${claim.kind}* · ${escapeMarkdown(who)}${conf}: ${escapeMarkdown(claim.text)}${where} ${openLink('Open', doc, claim.span.start, claim.span.end)}`;
}

/** A cited source's metadata and the claims of the cited paragraph(s); else the memo's bibliography entry. */
export function citationCard(catalog: Catalog, item: CitationItem, library?: Library): string {
  const doc = catalog.source(item.key);
  if (!doc) {
    const entry = library?.get(item.key);
    if (entry) return entryCard(entry);
    return `No source in this workspace and no entry of the memo's bibliography has the citekey **${escapeMarkdown(item.key)}**.`;
  }
  const lines = [`${sourceLine(doc)}`, `@${escapeMarkdown(doc.citekey)}${doc.meta.url ? ' · ' + escapeMarkdown(doc.meta.url) : ''}`];
  const paragraphs = item.locator?.paragraphs ?? [];
  if (!paragraphs.length) {
    lines.push(`${doc.extraction.claims.length} claims, ${doc.extraction.figures.length} figures. ${openLink('Open source', doc, doc.bodyStart, doc.bodyStart)}`);
    return lines.join('\n\n');
  }
  const wanted = new Set(paragraphs);
  const claims = doc.extraction.claims.filter((c) => wanted.has(c.paragraph) && !c.hidden);
  const known = new Set(doc.paragraphs.filter((p) => p.role === 'body').map((p) => p.index));
  const missing = paragraphs.filter((n) => !known.has(n));
  lines.push(`**${paragraphs.length === 1 ? 'Paragraph' : 'Paragraphs'} ${escapeMarkdown(item.locator!.value)}**`);
  if (missing.length) lines.push(`The source has no body paragraph ${missing.join(', ')} (it has ${known.size}).`);
  const shown = claims.slice(0, MAX_LISTED).map((c) => claimLine(doc, c, false));
  if (claims.length > MAX_LISTED) shown.push(`- *and ${claims.length - MAX_LISTED} more*`);
  if (shown.length) lines.push(shown.join('\n'));
  lines.push(commandLink('Find citations of this paragraph in memos', 'claimdesk.findCitations', [{ citekey: doc.citekey, paragraphs }]));
  return lines.join('\n\n');
}

/** An entity across the workspace: type, aliases, mentions, and what it said and what is said about it. */
export function entityCard(entity: WorkspaceEntity): string {
  const sources = new Set(entity.occurrences.map((o) => o.doc.path)).size;
  const lines = [`**${escapeMarkdown(entity.name)}** — ${entity.type} · ${entity.mentionCount} mention${entity.mentionCount === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}`];
  const others = entity.aliases.filter((a) => a !== entity.name);
  if (others.length) lines.push(`Also named: ${others.map(escapeMarkdown).join(', ')}`);
  for (const [title, refs] of [['Said by', entity.claimsBy], ['Said about', entity.claimsAbout]] as const) {
    if (!refs.length) continue;
    const shown = refs.slice(0, MAX_LISTED).map((r) => claimLine(r.doc, r.claim, sources > 1));
    if (refs.length > MAX_LISTED) shown.push(`- *and ${refs.length - MAX_LISTED} more*`);
    lines.push(`**${title} ${escapeMarkdown(entity.name)}** (${refs.length})\n\n${shown.join('\n')}`);
  }
  return lines.join('\n\n');
}
