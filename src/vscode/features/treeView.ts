import * as vscode from 'vscode';
import type { Claim, ClaimKind, Entity, EntityType, Figure, SourceDoc } from '../../core/model';
import { escapeMarkdown } from '../../core/render/markdown';
import type { CatalogCache, CiteTarget } from '../../core/services/catalog';
import { citationFor, describeFigure, formatValue, insertionFor } from '../../core/services/cite';
import { formatCitation } from '../../core/citation';
import { claimDescription, groupClaims, groupEntities, sourceDescription, sourceTitle, TreeFilter, type ClaimGrouping, type Group } from '../../core/services/tree';
import type { WorkspaceEntity } from '../../core/workspaceEntities';
import { CitationDragController } from './drop';
import type { SourceIndexFeature } from './sourceIndex';

/** How the tree is organised: per source with claims by kind or by speaker, or by workspace entity. */
export type TreeGrouping = ClaimGrouping | 'entity';

type Node =
  | { kind: 'source'; doc: SourceDoc }
  | { kind: 'section'; doc: SourceDoc; section: 'claims' | 'entities' | 'figures' }
  | { kind: 'claimGroup'; doc: SourceDoc; group: Group<Claim> }
  | { kind: 'claim'; doc: SourceDoc; claim: Claim; target: CiteTarget; withSource?: boolean }
  | { kind: 'entityGroup'; doc: SourceDoc; group: Group<Entity> }
  | { kind: 'entity'; doc: SourceDoc; entity: Entity }
  | { kind: 'figure'; doc: SourceDoc; figure: Figure; claim?: Claim; target: CiteTarget }
  | { kind: 'workspaceEntityType'; type: EntityType; entities: WorkspaceEntity[] }
  | { kind: 'workspaceEntity'; entity: WorkspaceEntity }
  | { kind: 'entityClaims'; entity: WorkspaceEntity; role: 'by' | 'about' };

const KIND_ICONS: Record<ClaimKind, string> = { quote: 'quote', reported: 'broadcast', fact: 'verified', assessment: 'lightbulb', recommendation: 'arrow-circle-right' };
const ENTITY_ICONS: Record<EntityType, string> = { person: 'person', organization: 'organization', place: 'location' };
const TYPE_LABELS: Record<EntityType, string> = { person: 'People', organization: 'Organizations', place: 'Places' };

function claimNode(doc: SourceDoc, claim: Claim, withSource = false): Node {
  return { kind: 'claim', doc, claim, target: { kind: 'claim', doc, claim }, withSource };
}

function openCommand(doc: SourceDoc, start: number, end: number): vscode.Command {
  return { command: 'claimdesk.openSource', title: 'Go to Source', arguments: [doc.path, start, end] };
}

/** The Claimdesk tree: sources with their claims, entities and figures; or entities across sources. */
/** Up to this many sources, each opens expanded. */
const FEW_SOURCES = 5;

export class ClaimsTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  grouping: TreeGrouping = 'kind';
  filter = new TreeFilter('');

  constructor(private readonly catalog: CatalogCache) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** The claim or figure a node cites (for drag, copy and insert), if any. */
  targetOf(node: Node): CiteTarget | undefined {
    return node.kind === 'claim' || node.kind === 'figure' ? node.target : undefined;
  }

  getChildren(node?: Node): Node[] {
    const cat = this.catalog.get();
    const f = this.filter;
    if (!node) {
      if (this.grouping === 'entity') {
        const entities = cat.entities.filter((e) => f.matches(e.name, ...e.aliases, e.type) || [...e.claimsBy, ...e.claimsAbout].some((r) => f.claim(r.claim)));
        return (['person', 'organization', 'place'] as EntityType[])
          .map((type): Node => ({ kind: 'workspaceEntityType', type, entities: entities.filter((e) => e.type === type) }))
          .filter((n) => n.kind === 'workspaceEntityType' && n.entities.length > 0);
      }
      return cat.docs
        .filter((doc) => !f.active || f.matches(sourceTitle(doc), ...(doc.meta.authors ?? [])) || this.hasMatch(doc))
        .map((doc) => ({ kind: 'source', doc }));
    }
    const showAll = (doc: SourceDoc): boolean => !f.active || f.matches(sourceTitle(doc), ...(doc.meta.authors ?? []));
    switch (node.kind) {
      case 'source': {
        const sections: Node[] = [];
        const all = showAll(node.doc);
        const x = node.doc.extraction;
        if (x.claims.some((c) => !c.hidden && (all || f.claim(c)))) sections.push({ kind: 'section', doc: node.doc, section: 'claims' });
        if (x.entities.some((e) => all || f.entity(e))) sections.push({ kind: 'section', doc: node.doc, section: 'entities' });
        if (x.figures.some((fig) => all || this.figureMatches(node.doc, fig))) sections.push({ kind: 'section', doc: node.doc, section: 'figures' });
        return sections;
      }
      case 'section': {
        const { doc } = node;
        const all = showAll(doc);
        if (node.section === 'claims') {
          const claims = doc.extraction.claims.filter((c) => all || f.claim(c));
          return groupClaims(claims, this.grouping === 'speaker' ? 'speaker' : 'kind').map((group) => ({ kind: 'claimGroup', doc, group }));
        }
        if (node.section === 'entities') return groupEntities(doc.extraction.entities.filter((e) => all || f.entity(e))).map((group) => ({ kind: 'entityGroup', doc, group }));
        return doc.extraction.figures
          .filter((fig) => all || this.figureMatches(doc, fig))
          .map((figure) => {
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
      case 'workspaceEntity': {
        const out: Node[] = [];
        if (node.entity.claimsBy.length) out.push({ kind: 'entityClaims', entity: node.entity, role: 'by' });
        if (node.entity.claimsAbout.length) out.push({ kind: 'entityClaims', entity: node.entity, role: 'about' });
        return out;
      }
      case 'entityClaims': {
        const multi = new Set(node.entity.occurrences.map((o) => o.doc.path)).size > 1;
        return (node.role === 'by' ? node.entity.claimsBy : node.entity.claimsAbout).filter((r) => !f.active || f.claim(r.claim) || f.matches(node.entity.name)).map((r) => claimNode(r.doc, r.claim, multi));
      }
      default:
        return [];
    }
  }

  private figureMatches(doc: SourceDoc, fig: Figure): boolean {
    return this.filter.matches(fig.text, fig.counts, fig.source, fig.unit, this.catalog.get().claim(doc, fig.claimId)?.text);
  }

  private hasMatch(doc: SourceDoc): boolean {
    const x = doc.extraction;
    return x.claims.some((c) => !c.hidden && this.filter.claim(c)) || x.entities.some((e) => this.filter.entity(e)) || x.figures.some((fig) => this.figureMatches(doc, fig));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const Expanded = vscode.TreeItemCollapsibleState.Expanded;
    switch (node.kind) {
      case 'source': {
        // A handful of sources open ready to read; a large library stays folded so the view stays light.
        const open = this.filter.active || this.catalog.get().docs.length <= FEW_SOURCES;
        const item = new vscode.TreeItem(sourceTitle(node.doc), open ? Expanded : Collapsed);
        item.id = `source:${node.doc.path}`;
        item.description = sourceDescription(node.doc);
        item.tooltip = sourceTooltip(node.doc);
        item.contextValue = 'claimdesk.source';
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.resourceUri = vscode.Uri.parse(node.doc.path);
        return item;
      }
      case 'section': {
        const x = node.doc.extraction;
        const label = node.section === 'claims' ? 'Claims' : node.section === 'entities' ? 'Entities' : 'Figures';
        const item = new vscode.TreeItem(label, node.section === 'claims' ? Expanded : Collapsed);
        item.id = `${node.section}:${node.doc.path}:${this.grouping}:${this.filter.query}`;
        item.description = String(node.section === 'claims' ? x.claims.filter((c) => !c.hidden).length : node.section === 'entities' ? x.entities.length : x.figures.length);
        item.iconPath = new vscode.ThemeIcon(node.section === 'claims' ? 'comment-discussion' : node.section === 'entities' ? 'symbol-class' : 'symbol-number');
        return item;
      }
      case 'claimGroup': {
        const item = new vscode.TreeItem(node.group.label, Expanded);
        item.description = String(node.group.items.length);
        item.iconPath = new vscode.ThemeIcon(this.grouping === 'speaker' ? (node.group.key === 'author' ? 'edit' : 'person') : KIND_ICONS[node.group.key as ClaimKind] ?? 'comment');
        return item;
      }
      case 'claim': {
        const { claim, doc } = node;
        const item = new vscode.TreeItem(claim.text, vscode.TreeItemCollapsibleState.None);
        item.description = node.withSource ? `${claimDescription(claim)} — ${sourceTitle(doc)}` : claimDescription(claim);
        item.tooltip = claimTooltip(doc, claim);
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[claim.kind] ?? 'comment');
        item.contextValue = 'claimdesk.claim';
        item.command = openCommand(doc, claim.span.start, claim.span.end);
        return item;
      }
      case 'entityGroup': {
        const item = new vscode.TreeItem(node.group.label, Expanded);
        item.description = String(node.group.items.length);
        item.iconPath = new vscode.ThemeIcon(ENTITY_ICONS[node.group.key as EntityType] ?? 'symbol-class');
        return item;
      }
      case 'entity': {
        const { entity, doc } = node;
        const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.None);
        const n = entity.mentions.length;
        item.description = `${n} mention${n === 1 ? '' : 's'}`;
        const others = entity.aliases.filter((a) => a !== entity.name);
        item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(entity.name)}** — ${entity.type}, ${n} mention${n === 1 ? '' : 's'}` + (others.length ? `\n\nAlso named: ${others.map(escapeMarkdown).join(', ')}` : ''));
        item.iconPath = new vscode.ThemeIcon(ENTITY_ICONS[entity.type]);
        item.contextValue = 'claimdesk.entity';
        const first = entity.mentions[0];
        if (first) item.command = openCommand(doc, first.span.start, first.span.end);
        return item;
      }
      case 'figure': {
        const { figure, doc, claim } = node;
        const target = node.target as Extract<CiteTarget, { kind: 'figure' }>;
        const item = new vscode.TreeItem(figure.text, vscode.TreeItemCollapsibleState.None);
        // The normalised value (with what it counts), then who it is attributed to.
        item.description = [formatValue(target), figure.counts && figure.unit !== 'count' ? describeFigure(target) : null, figure.source ?? (claim && claim.speaker !== 'author' ? claim.speaker : null)].filter(Boolean).join(' · ');
        const md = [`**${escapeMarkdown(figure.text)}** = ${escapeMarkdown(formatValue(target))}`];
        if (figure.source) md.push(`Attributed to ${escapeMarkdown(figure.source)}`);
        if (claim) md.push(`> ${escapeMarkdown(claim.text)}`);
        md.push(`para. ${figure.paragraph} · ${escapeMarkdown(citationFor(target))}`);
        item.tooltip = new vscode.MarkdownString(md.join('\n\n'));
        item.iconPath = new vscode.ThemeIcon('symbol-number');
        item.contextValue = 'claimdesk.figure';
        item.command = openCommand(doc, figure.span.start, figure.span.end);
        return item;
      }
      case 'workspaceEntityType': {
        const item = new vscode.TreeItem(TYPE_LABELS[node.type], Expanded);
        item.description = String(node.entities.length);
        item.iconPath = new vscode.ThemeIcon(ENTITY_ICONS[node.type]);
        return item;
      }
      case 'workspaceEntity': {
        const e = node.entity;
        const sources = new Set(e.occurrences.map((o) => o.doc.path)).size;
        const item = new vscode.TreeItem(e.name, e.claimsBy.length || e.claimsAbout.length ? Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `entity:${e.id}`;
        item.description = `${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'} · ${sources} source${sources === 1 ? '' : 's'}`;
        item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(e.name)}** — ${e.type}` + (e.aliases.length > 1 ? `\n\nAlso named: ${e.aliases.filter((a) => a !== e.name).map(escapeMarkdown).join(', ')}` : ''));
        item.iconPath = new vscode.ThemeIcon(ENTITY_ICONS[e.type]);
        item.contextValue = 'claimdesk.workspaceEntity';
        const first = e.occurrences[0];
        const mention = first?.entity.mentions[0];
        if (first && mention) item.command = openCommand(first.doc, mention.span.start, mention.span.end);
        return item;
      }
      case 'entityClaims': {
        const refs = node.role === 'by' ? node.entity.claimsBy : node.entity.claimsAbout;
        const item = new vscode.TreeItem(node.role === 'by' ? `Said by ${node.entity.name}` : `Said about ${node.entity.name}`, Expanded);
        item.description = String(refs.length);
        item.iconPath = new vscode.ThemeIcon(node.role === 'by' ? 'comment' : 'mention');
        return item;
      }
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function sourceTooltip(doc: SourceDoc): vscode.MarkdownString {
  const m = doc.meta;
  const rows: string[] = [`**${escapeMarkdown(sourceTitle(doc))}**`];
  const field = (label: string, value: string | undefined, key: keyof NonNullable<typeof m.origin>): void => {
    if (!value) return;
    const origin = m.origin?.[key];
    rows.push(`${label}: ${escapeMarkdown(value)}${origin ? ` *(${origin})*` : ''}`);
  };
  field('Author', m.authors?.join(', '), 'authors');
  field('Published', m.containerTitle ?? m.publisher, m.containerTitle ? 'containerTitle' : 'publisher');
  field('Date', m.issued, 'issued');
  rows.push(`Cite as ${escapeMarkdown(formatCitation(doc.citekey))} · ${doc.extraction.claims.length} claims, ${doc.extraction.entities.length} entities, ${doc.extraction.figures.length} figures`);
  return new vscode.MarkdownString(rows.join('\n\n'));
}

function claimTooltip(doc: SourceDoc, claim: Claim): vscode.MarkdownString {
  const head = [`**${claim.kind}**`, escapeMarkdown(claim.speaker), claim.confidence ? `confidence: ${escapeMarkdown(claim.confidence)}` : ''].filter(Boolean).join(' · ');
  const md = new vscode.MarkdownString(`${head}\n\n> ${escapeMarkdown(claim.text)}\n\n${escapeMarkdown(sourceTitle(doc))}, para. ${claim.paragraph} · ${escapeMarkdown(formatCitation(doc.citekey, claim.paragraph))}`);
  md.supportHtml = false;
  return md;
}

/** Start/end of what a node shows in its source, for Go to Source. */
function spanOf(node: Node): { doc: SourceDoc; start: number; end: number } | undefined {
  switch (node.kind) {
    case 'source':
      return { doc: node.doc, start: node.doc.bodyStart, end: node.doc.bodyStart };
    case 'claim':
      return { doc: node.doc, start: node.claim.span.start, end: node.claim.span.end };
    case 'figure':
      return { doc: node.doc, start: node.figure.span.start, end: node.figure.span.end };
    case 'entity': {
      const m = node.entity.mentions[0];
      return m && { doc: node.doc, start: m.span.start, end: m.span.end };
    }
    case 'workspaceEntity': {
      const o = node.entity.occurrences[0];
      const m = o?.entity.mentions[0];
      return m && { doc: o.doc, start: m.span.start, end: m.span.end };
    }
    default:
      return undefined;
  }
}

/** Registers the view and its commands; the returned provider is the one the view renders (the API hands it to tests). */
export function registerTreeView(sources: SourceIndexFeature, catalog: CatalogCache): vscode.Disposable & { provider: ClaimsTreeProvider } {
  const provider = new ClaimsTreeProvider(catalog);
  const view = vscode.window.createTreeView('claimdesk.sources', {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: true,
    dragAndDropController: new CitationDragController<Node>((n) => provider.targetOf(n)),
  });
  const describe = (): void => {
    const mode = provider.grouping === 'entity' ? 'by entity' : `claims by ${provider.grouping}`;
    view.description = provider.filter.active ? `${mode} · filter: ${provider.filter.query}` : mode;
    void vscode.commands.executeCommand('setContext', 'claimdesk.treeFiltered', provider.filter.active);
    void vscode.commands.executeCommand('setContext', 'claimdesk.treeGrouping', provider.grouping);
  };
  describe();
  const setGrouping = (g: TreeGrouping): void => {
    provider.grouping = g;
    describe();
    provider.refresh();
  };
  const commands = [
    vscode.commands.registerCommand('claimdesk.refresh', async () => {
      await sources.scan();
      provider.refresh();
    }),
    vscode.commands.registerCommand('claimdesk.groupBy', async (arg?: unknown) => {
      let g: TreeGrouping | undefined = arg === 'kind' || arg === 'speaker' || arg === 'entity' ? arg : undefined;
      if (!g) {
        const pick = await vscode.window.showQuickPick(
          [
            { label: 'Claims by kind', value: 'kind' as const },
            { label: 'Claims by speaker', value: 'speaker' as const },
            { label: 'Entities across all sources', value: 'entity' as const },
          ],
          { title: 'Claimdesk: Group the Sources view' },
        );
        g = pick?.value;
      }
      if (g) setGrouping(g);
      return provider.grouping;
    }),
    vscode.commands.registerCommand('claimdesk.filterTree', async (arg?: unknown) => {
      const query = typeof arg === 'string' ? arg : await vscode.window.showInputBox({ title: 'Claimdesk: Filter Sources', prompt: 'Words a claim, entity, figure or source title must contain', value: provider.filter.query });
      if (query === undefined) return;
      provider.filter = new TreeFilter(query);
      describe();
      provider.refresh();
    }),
    vscode.commands.registerCommand('claimdesk.clearTreeFilter', () => {
      provider.filter = new TreeFilter('');
      describe();
      provider.refresh();
    }),
    vscode.commands.registerCommand('claimdesk.copyCitation', async (node?: Node) => {
      const target = node && provider.targetOf(node);
      const text = target ? insertionFor(target) : node && 'doc' in node ? formatCitation(node.doc.citekey) : undefined;
      if (!text) return undefined;
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`Copied ${text}`, 3000);
      return text;
    }),
    vscode.commands.registerCommand('claimdesk.goToSource', async (node?: Node) => {
      const span = node && spanOf(node);
      if (span) return vscode.commands.executeCommand('claimdesk.openSource', span.doc.path, span.start, span.end);
      return undefined;
    }),
    vscode.commands.registerCommand('claimdesk.insertCitationFromTree', async (node?: Node) => {
      const selected = view.selection.length > 1 && node && view.selection.includes(node) ? view.selection : node ? [node] : view.selection;
      const texts = selected.map((n) => {
        const t = provider.targetOf(n);
        return t ? insertionFor(t) : 'doc' in n ? formatCitation(n.doc.citekey) : undefined;
      });
      const text = texts.filter(Boolean).join(' ');
      if (text) return vscode.commands.executeCommand('claimdesk.insertCitation', text);
      return undefined;
    }),
  ];
  // A scan changes the index once per slice: redraw (and rebuild the catalog) at most every 250 ms.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sub = sources.onDidChange(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      provider.refresh();
    }, 250);
  });
  const stopTimer = { dispose: () => clearTimeout(timer) };
  return Object.assign(vscode.Disposable.from(view, sub, stopTimer, provider, ...commands), { provider });
}
