// The Sources view as a model: which nodes show under which, under the grouping and filter the
// analyst chose, and what each node looks like (label, counts of what is shown, escaped tooltip
// markdown, icon, what a click opens). The VS Code adapter only maps these to TreeItems.
import { formatCitation } from '../citation';
import { whyLine } from '../extract/rules';
import type { Claim, ClaimKind, Entity, EntityType, Figure, SourceDoc } from '../model';
import { evidenceGroupsCached, formatEvidenceValue, type EvidenceFigure, type EvidenceGroup } from '../evidence/conflicts';
import { escapeMarkdown } from '../render/markdown';
import type { WorkspaceEntity } from '../workspaceEntities';
import type { Catalog, CiteTarget } from './catalog';
import { citationFor, describeFigure, formatValue, insertionFor } from './cite';
import { claimRowLabel, groupClaims, groupEntities, shortSpeaker, sourceDescription, sourceTitle, TreeFilter, type ClaimGrouping, type Group } from './tree';

/** How the tree is organised: per source with claims by kind or by speaker, or by workspace entity. */
export type TreeGrouping = ClaimGrouping | 'entity';

export type TreeNode =
  | { kind: 'source'; doc: SourceDoc }
  | { kind: 'section'; doc: SourceDoc; section: 'claims' | 'entities' | 'figures' }
  | { kind: 'claimGroup'; doc: SourceDoc; group: Group<Claim> }
  | { kind: 'claim'; doc: SourceDoc; claim: Claim; target: CiteTarget; withSource?: boolean }
  | { kind: 'entityGroup'; doc: SourceDoc; group: Group<Entity> }
  | { kind: 'entity'; doc: SourceDoc; entity: Entity }
  | { kind: 'figure'; doc: SourceDoc; figure: Figure; claim?: Claim; target: CiteTarget }
  | { kind: 'workspaceEntityType'; type: EntityType; entities: WorkspaceEntity[] }
  | { kind: 'workspaceEntity'; entity: WorkspaceEntity }
  | { kind: 'entityClaims'; entity: WorkspaceEntity; role: 'by' | 'about' }
  | { kind: 'conflicts'; groups: EvidenceGroup[] }
  | { kind: 'conflict'; group: EvidenceGroup }
  | { kind: 'evidenceFigure'; doc: SourceDoc; figure: EvidenceFigure };

/** A span of a source: what a node shows, opened by a click or Go to Source. */
export interface SourceSpan {
  doc: SourceDoc;
  start: number;
  end: number;
}

/** What a node looks like, whatever draws it. */
export interface TreeItemView {
  label: string;
  /** Stable id, for nodes whose expansion should survive a refresh. */
  id?: string;
  description?: string;
  /** Markdown in which every piece of source or sidecar text is escaped. */
  tooltip?: string;
  /** A codicon name. */
  icon: string;
  /** Absent for a leaf. */
  state?: 'expanded' | 'collapsed';
  contextValue?: string;
  /** What a click opens. */
  open?: SourceSpan;
  /** The source file the node stands for. */
  resource?: string;
}

const KIND_ICONS: Record<ClaimKind, string> = { quote: 'quote', reported: 'broadcast', fact: 'verified', assessment: 'lightbulb', recommendation: 'arrow-circle-right' };
const ENTITY_ICONS: Record<EntityType, string> = { person: 'person', organization: 'organization', place: 'location' };
const TYPE_LABELS: Record<EntityType, string> = { person: 'People', organization: 'Organizations', place: 'Places' };
const ENTITY_TYPES_SHOWN: EntityType[] = ['person', 'organization', 'place'];
const SECTION_LABELS = { claims: 'Claims', entities: 'Entities', figures: 'Figures' } as const;
const SECTION_ICONS = { claims: 'comment-discussion', entities: 'symbol-class', figures: 'symbol-number' } as const;
/** Up to this many sources, each opens expanded. */
const FEW_SOURCES = 5;

/** The Sources view: sources with their claims, entities and figures; or entities across sources. */
export class SourcesTree {
  grouping: TreeGrouping = 'kind';
  filter = new TreeFilter('');

  constructor(private readonly catalog: () => Catalog) {}

  /** The nodes under a node (the roots without one). */
  children(node?: TreeNode): TreeNode[] {
    const cat = this.catalog();
    const f = this.filter;
    if (!node) {
      if (this.grouping === 'entity') {
        const entities = cat.entities.filter((e) => f.matches(e.name, ...e.aliases, e.type) || [...e.claimsBy, ...e.claimsAbout].some((r) => f.claim(r.claim)));
        return ENTITY_TYPES_SHOWN.map((type) => ({ kind: 'workspaceEntityType' as const, type, entities: entities.filter((e) => e.type === type) })).filter((n) => n.entities.length > 0);
      }
      const sources = cat.docs.filter((doc) => this.showsWhole(doc) || this.hasMatch(doc)).map((doc): TreeNode => ({ kind: 'source', doc }));
      // Figures in different sources that disagree: the first thing a memo must reconcile.
      const conflicts = f.active ? [] : evidenceGroupsCached(cat.docs).filter((g) => g.status === 'conflict');
      return conflicts.length ? [{ kind: 'conflicts', groups: conflicts }, ...sources] : sources;
    }
    switch (node.kind) {
      case 'source':
        return (['claims', 'entities', 'figures'] as const).filter((section) => this.shown(node.doc, section).length > 0).map((section) => ({ kind: 'section', doc: node.doc, section }));
      case 'section': {
        const { doc } = node;
        if (node.section === 'claims') return groupClaims(this.shownClaims(doc), this.grouping === 'speaker' ? 'speaker' : 'kind').map((group) => ({ kind: 'claimGroup', doc, group }));
        if (node.section === 'entities') return groupEntities(this.shownEntities(doc)).map((group) => ({ kind: 'entityGroup', doc, group }));
        return this.shownFigures(doc).map((figure) => {
          const claim = cat.claim(doc, figure.claimId);
          return { kind: 'figure', doc, figure, claim, target: { kind: 'figure', doc, figure, claim } };
        });
      }
      case 'claimGroup':
        return node.group.items.map((claim) => claimNode(node.doc, claim));
      case 'entityGroup':
        return node.group.items.map((entity) => ({ kind: 'entity', doc: node.doc, entity }));
      case 'workspaceEntityType':
        return node.entities.map((entity) => ({ kind: 'workspaceEntity', entity }));
      case 'workspaceEntity':
        return (['by', 'about'] as const).filter((role) => this.shownRefs(node.entity, role).length > 0).map((role) => ({ kind: 'entityClaims', entity: node.entity, role }));
      case 'entityClaims': {
        const multi = new Set(node.entity.occurrences.map((o) => o.doc.path)).size > 1;
        return this.shownRefs(node.entity, node.role).map((r) => claimNode(r.doc, r.claim, multi));
      }
      case 'conflicts':
        return node.groups.map((group) => ({ kind: 'conflict', group }));
      case 'conflict': {
        const byPath = new Map(cat.docs.map((d) => [d.path, d]));
        return node.group.figures.flatMap((figure) => {
          const doc = byPath.get(figure.path);
          return doc ? [{ kind: 'evidenceFigure' as const, doc, figure }] : [];
        });
      }
      default:
        return [];
    }
  }

  /** How a node looks. Counts are of what the filter shows. */
  item(node: TreeNode): TreeItemView {
    switch (node.kind) {
      case 'source': {
        const { doc } = node;
        // A handful of sources open ready to read; a large library stays folded so the view stays light.
        const open = this.filter.active || this.catalog().docs.length <= FEW_SOURCES;
        return { label: sourceTitle(doc), id: `source:${doc.path}`, description: sourceDescription(doc), tooltip: sourceTooltip(doc), icon: 'file-text', state: open ? 'expanded' : 'collapsed', contextValue: 'claimdesk.source', resource: doc.path };
      }
      case 'section':
        return {
          label: SECTION_LABELS[node.section],
          id: `${node.section}:${node.doc.path}:${this.grouping}:${this.filter.query}`,
          description: String(this.shown(node.doc, node.section).length),
          icon: SECTION_ICONS[node.section],
          state: node.section === 'claims' ? 'expanded' : 'collapsed',
        };
      case 'claimGroup':
        return { label: node.group.label, description: String(node.group.items.length), icon: this.grouping === 'speaker' ? (node.group.key === 'author' ? 'edit' : 'person') : (KIND_ICONS[node.group.key as ClaimKind] ?? 'comment'), state: 'expanded' };
      case 'claim': {
        const { claim, doc } = node;
        return {
          label: claimRowLabel(claim, doc.extraction.entities, this.grouping),
          // Past the sentence, seen only when it is short or the view is wide.
          description: node.withSource ? `${sourceTitle(doc)}, para. ${claim.paragraph}` : `para. ${claim.paragraph}`,
          tooltip: claimTooltip(doc, claim),
          icon: KIND_ICONS[claim.kind] ?? 'comment',
          contextValue: 'claimdesk.claim',
          open: { doc, start: claim.span.start, end: claim.span.end },
        };
      }
      case 'entityGroup':
        return { label: node.group.label, description: String(node.group.items.length), icon: ENTITY_ICONS[node.group.key as EntityType] ?? 'symbol-class', state: 'expanded' };
      case 'entity': {
        const { entity, doc } = node;
        const first = entity.mentions[0];
        return {
          label: entity.name,
          description: mentions(entity.mentions.length),
          tooltip: entityTooltip(entity.name, `${entity.type}, ${mentions(entity.mentions.length)}`, entity.aliases),
          icon: ENTITY_ICONS[entity.type],
          contextValue: 'claimdesk.entity',
          ...(first ? { open: { doc, start: first.span.start, end: first.span.end } } : {}),
        };
      }
      case 'figure': {
        const { figure, doc, claim } = node;
        const target = node.target as Extract<CiteTarget, { kind: 'figure' }>;
        // Who it is attributed to beside the figure as written, so a narrow view still shows it;
        // then the normalised value (with what it counts).
        const who = figure.source ?? (claim && claim.speaker !== 'author' ? claim.speaker : null);
        const label = who ? `${oneLine(figure.text)} · ${shortSpeaker(who, doc.extraction.entities)}` : oneLine(figure.text);
        const description = [formatValue(target), figure.counts && figure.unit !== 'count' ? describeFigure(target) : null].filter(Boolean).join(' · ');
        return { label, description, tooltip: figureTooltip(target), icon: 'symbol-number', contextValue: 'claimdesk.figure', open: { doc, start: figure.span.start, end: figure.span.end } };
      }
      case 'workspaceEntityType':
        return { label: TYPE_LABELS[node.type], description: String(node.entities.length), icon: ENTITY_ICONS[node.type], state: 'expanded' };
      case 'workspaceEntity': {
        const e = node.entity;
        const sources = new Set(e.occurrences.map((o) => o.doc.path)).size;
        const first = e.occurrences[0];
        const mention = first?.entity.mentions[0];
        return {
          label: e.name,
          id: `entity:${e.id}`,
          description: `${mentions(e.mentionCount)} · ${sources} source${sources === 1 ? '' : 's'}`,
          tooltip: entityTooltip(e.name, e.type, e.aliases),
          icon: ENTITY_ICONS[e.type],
          ...(this.children(node).length ? { state: 'collapsed' as const } : {}),
          contextValue: 'claimdesk.workspaceEntity',
          ...(first && mention ? { open: { doc: first.doc, start: mention.span.start, end: mention.span.end } } : {}),
        };
      }
      case 'entityClaims':
        return {
          label: node.role === 'by' ? `Said by ${node.entity.name}` : `Said about ${node.entity.name}`,
          description: String(this.shownRefs(node.entity, node.role).length),
          icon: node.role === 'by' ? 'comment' : 'mention',
          state: 'expanded',
        };
      case 'conflicts':
        return { label: 'Conflicts', id: 'conflicts', description: String(node.groups.length), tooltip: 'Figures in different sources that measure the same thing but disagree.', icon: 'warning', state: 'expanded', contextValue: 'claimdesk.conflicts' };
      case 'conflict': {
        const values = [...new Set(node.group.figures.map((f) => formatEvidenceValue(f)))];
        return { label: node.group.measure, id: `conflict:${node.group.figures.map((f) => `${f.path}#${f.figureId}`).join('|')}`, description: values.join(' vs '), icon: 'diff', state: 'expanded', contextValue: 'claimdesk.conflict' };
      }
      case 'evidenceFigure': {
        const { doc, figure } = node;
        return {
          label: `${figure.text} — ${formatCitation(doc.citekey, figure.paragraph)}`,
          description: sourceTitle(doc),
          tooltip: escapeMarkdown(this.catalog().claim(doc, doc.extraction.figures.find((f) => f.id === figure.figureId)?.claimId ?? '')?.text ?? figure.text),
          icon: 'symbol-number',
          contextValue: 'claimdesk.evidenceFigure',
          open: { doc, start: figure.start, end: figure.end },
        };
      }
    }
  }

  /** The claim or figure a node cites (for drag, copy and insert), if any. */
  targetOf(node: TreeNode): CiteTarget | undefined {
    return node.kind === 'claim' || node.kind === 'figure' ? node.target : undefined;
  }

  /** What Copy or Insert Citation gives for a node: the claim's or figure's insertion, else the source's citation. */
  citationOf(node: TreeNode): string | undefined {
    const target = this.targetOf(node);
    if (target) return insertionFor(target);
    return 'doc' in node ? formatCitation(node.doc.citekey) : undefined;
  }

  /** What a node shows in its source, for Go to Source. */
  spanOf(node: TreeNode): SourceSpan | undefined {
    if (node.kind === 'source') return { doc: node.doc, start: node.doc.bodyStart, end: node.doc.bodyStart };
    return this.item(node).open;
  }

  /** The view's description: its grouping, and the filter when one is set. */
  describe(): string {
    const mode = this.grouping === 'entity' ? 'by entity' : `claims by ${this.grouping}`;
    return this.filter.active ? `${mode} · filter: ${this.filter.query}` : mode;
  }

  /** A source whose title or author matches shows all its content. */
  private showsWhole(doc: SourceDoc): boolean {
    return !this.filter.active || this.filter.matches(sourceTitle(doc), ...(doc.meta.authors ?? []));
  }

  private shown(doc: SourceDoc, section: 'claims' | 'entities' | 'figures'): readonly unknown[] {
    return section === 'claims' ? this.shownClaims(doc) : section === 'entities' ? this.shownEntities(doc) : this.shownFigures(doc);
  }

  private shownClaims(doc: SourceDoc): Claim[] {
    const all = this.showsWhole(doc);
    return doc.extraction.claims.filter((c) => !c.hidden && (all || this.filter.claim(c)));
  }

  private shownEntities(doc: SourceDoc): Entity[] {
    const all = this.showsWhole(doc);
    return doc.extraction.entities.filter((e) => all || this.filter.entity(e));
  }

  private shownFigures(doc: SourceDoc): Figure[] {
    const all = this.showsWhole(doc);
    return doc.extraction.figures.filter((fig) => all || this.figureMatches(doc, fig));
  }

  private shownRefs(entity: WorkspaceEntity, role: 'by' | 'about') {
    const f = this.filter;
    return (role === 'by' ? entity.claimsBy : entity.claimsAbout).filter((r) => !f.active || f.claim(r.claim) || f.matches(entity.name));
  }

  private figureMatches(doc: SourceDoc, fig: Figure): boolean {
    return this.filter.matches(fig.text, fig.counts, fig.source, fig.unit, this.catalog().claim(doc, fig.claimId)?.text);
  }

  private hasMatch(doc: SourceDoc): boolean {
    return this.shownClaims(doc).length > 0 || this.shownEntities(doc).length > 0 || this.shownFigures(doc).length > 0;
  }
}

function claimNode(doc: SourceDoc, claim: Claim, withSource = false): TreeNode {
  return { kind: 'claim', doc, claim, target: { kind: 'claim', doc, claim }, withSource };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function mentions(n: number): string {
  return `${n} mention${n === 1 ? '' : 's'}`;
}

function entityTooltip(name: string, what: string, aliases: readonly string[]): string {
  const others = aliases.filter((a) => a !== name);
  return `**${escapeMarkdown(name)}** — ${escapeMarkdown(what)}` + (others.length ? `\n\nAlso named: ${others.map(escapeMarkdown).join(', ')}` : '');
}

function figureTooltip(target: Extract<CiteTarget, { kind: 'figure' }>): string {
  const { figure, claim } = target;
  const md = [`**${escapeMarkdown(figure.text)}** = ${escapeMarkdown(formatValue(target))}`];
  if (figure.source) md.push(`Attributed to ${escapeMarkdown(figure.source)}`);
  if (claim) md.push(`> ${escapeMarkdown(claim.text)}`);
  md.push(`para. ${figure.paragraph} · ${escapeMarkdown(citationFor(target))}`);
  return md.join('\n\n');
}

function sourceTooltip(doc: SourceDoc): string {
  const m = doc.meta;
  const rows: string[] = [`**${escapeMarkdown(sourceTitle(doc))}**`];
  const field = (label: string, value: string | undefined, key: keyof NonNullable<typeof m.origin>): void => {
    if (!value) return;
    const origin = m.origin?.[key];
    rows.push(`${label}: ${escapeMarkdown(value)}${origin ? ` *(${escapeMarkdown(origin)})*` : ''}`);
  };
  field('Author', m.authors?.join(', '), 'authors');
  field('Published', m.containerTitle ?? m.publisher, m.containerTitle ? 'containerTitle' : 'publisher');
  field('Date', m.issued, 'issued');
  if (!m.issued) rows.push('Date: *none found in the text*; add an issued date to the sidecar (**Claimdesk: Create Sidecar**) to give the citekey its year');
  const x = doc.extraction;
  rows.push(`Cite as ${escapeMarkdown(formatCitation(doc.citekey))} · ${x.claims.filter((c) => !c.hidden).length} claims, ${x.entities.length} entities, ${x.figures.length} figures`);
  return rows.join('\n\n');
}

function claimTooltip(doc: SourceDoc, claim: Claim): string {
  const head = [`**${escapeMarkdown(claim.kind)}**`, escapeMarkdown(claim.speaker), claim.confidence ? `confidence: ${escapeMarkdown(claim.confidence)}` : ''].filter(Boolean).join(' · ');
  const why = whyLine(claim.why);
  return `${head}\n\n> ${escapeMarkdown(claim.text)}\n\n${escapeMarkdown(sourceTitle(doc))}, para. ${claim.paragraph} · ${escapeMarkdown(formatCitation(doc.citekey, claim.paragraph))}${why ? `\n\n*Why:* ${escapeMarkdown(why)}` : ''}`;
}
