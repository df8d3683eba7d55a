import * as vscode from 'vscode';
import type { CatalogCache, CiteTarget } from '../../core/services/catalog';
import { SourcesTree, type TreeGrouping, type TreeItemView, type TreeNode } from '../../core/services/sourcesTree';
import type { TreeFilter } from '../../core/services/tree';
import { registerClearTreeFilter } from '../commands/clearTreeFilter';
import { registerCopyCitation } from '../commands/copyCitation';
import { registerFilterTree } from '../commands/filterTree';
import { registerGoToSource } from '../commands/goToSource';
import { registerGroupBy } from '../commands/groupBy';
import { registerInsertCitationFromTree } from '../commands/insertCitationFromTree';
import { registerRefresh } from '../commands/refresh';
import { CitationDragController } from './drop';
import type { SourceIndexFeature } from './sourceIndex';

export type { TreeGrouping };

const STATES = {
  expanded: vscode.TreeItemCollapsibleState.Expanded,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
} as const;

/** The Sources view's data: the core model (`SourcesTree`) mapped to TreeItems. */
export class ClaimsTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly model: SourcesTree;

  constructor(catalog: CatalogCache) {
    this.model = new SourcesTree(() => catalog.get());
  }

  get grouping(): TreeGrouping {
    return this.model.grouping;
  }

  set grouping(grouping: TreeGrouping) {
    this.model.grouping = grouping;
  }

  get filter(): TreeFilter {
    return this.model.filter;
  }

  set filter(filter: TreeFilter) {
    this.model.filter = filter;
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** The claim or figure a node cites (for drag, copy and insert), if any. */
  targetOf(node: TreeNode): CiteTarget | undefined {
    return this.model.targetOf(node);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return this.model.children(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(this.model.item(node));
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function toTreeItem(view: TreeItemView): vscode.TreeItem {
  const item = new vscode.TreeItem(view.label, view.state ? STATES[view.state] : vscode.TreeItemCollapsibleState.None);
  if (view.id !== undefined) item.id = view.id;
  if (view.description !== undefined) item.description = view.description;
  // Not trusted and no HTML: the markdown is escaped in core, and stays inert here.
  if (view.tooltip !== undefined) item.tooltip = new vscode.MarkdownString(view.tooltip);
  item.iconPath = new vscode.ThemeIcon(view.icon);
  if (view.contextValue !== undefined) item.contextValue = view.contextValue;
  if (view.open) item.command = { command: 'claimdesk.openSource', title: 'Go to Source', arguments: [view.open.doc.path, view.open.start, view.open.end] };
  if (view.resource !== undefined) item.resourceUri = vscode.Uri.parse(view.resource);
  return item;
}

/** The Sources view as its commands see it. */
export interface SourcesView {
  provider: ClaimsTreeProvider;
  view: vscode.TreeView<TreeNode>;
  /** Shows the current grouping and filter (view description, menu contexts) and redraws. */
  update(): void;
}

/** Registers the view and its commands; the returned provider is the one the view renders (the API hands it to tests). */
export function registerTreeView(sources: SourceIndexFeature, catalog: CatalogCache): vscode.Disposable & { provider: ClaimsTreeProvider } {
  const provider = new ClaimsTreeProvider(catalog);
  const view = vscode.window.createTreeView('claimdesk.sources', {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: true,
    dragAndDropController: new CitationDragController<TreeNode>((n) => provider.targetOf(n)),
  });
  const describe = (): void => {
    view.description = provider.model.describe();
    void vscode.commands.executeCommand('setContext', 'claimdesk.treeFiltered', provider.filter.active);
    void vscode.commands.executeCommand('setContext', 'claimdesk.treeGrouping', provider.grouping);
  };
  describe();
  const tree: SourcesView = {
    provider,
    view,
    update: () => {
      describe();
      provider.refresh();
    },
  };
  const commands = [
    registerRefresh(sources, provider),
    registerGroupBy(tree),
    registerFilterTree(tree),
    registerClearTreeFilter(tree),
    registerCopyCitation(provider),
    registerGoToSource(provider),
    registerInsertCitationFromTree(tree),
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
