import * as vscode from 'vscode';
import type { Claim, SourceDoc } from '../../core/model';
import type { SourceIndexFeature } from './sourceIndex';

type Node =
  | { kind: 'source'; doc: SourceDoc }
  | { kind: 'claims'; doc: SourceDoc }
  | { kind: 'claim'; doc: SourceDoc; claim: Claim };

/** The Claimdesk tree: sources, and under each its claims. */
export class ClaimsTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly sources: SourceIndexFeature) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.sources.index.sources().map((doc) => ({ kind: 'source', doc }));
    if (node.kind === 'source') return [{ kind: 'claims', doc: node.doc }];
    if (node.kind === 'claims') return node.doc.extraction.claims.filter((c) => !c.hidden).map((claim) => ({ kind: 'claim', doc: node.doc, claim }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'source') {
      const item = new vscode.TreeItem(node.doc.meta.title ?? node.doc.path.replace(/^.*\//, ''), vscode.TreeItemCollapsibleState.Expanded);
      item.description = [node.doc.meta.authors?.join(', '), node.doc.meta.issued].filter(Boolean).join(' · ');
      item.contextValue = 'claimdesk.source';
      item.iconPath = new vscode.ThemeIcon('file-text');
      return item;
    }
    if (node.kind === 'claims') {
      const item = new vscode.TreeItem('Claims', vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.doc.extraction.claims.length);
      return item;
    }
    const item = new vscode.TreeItem(node.claim.text, vscode.TreeItemCollapsibleState.None);
    item.description = `${node.claim.kind} · ${node.claim.speaker}`;
    item.tooltip = node.claim.text;
    item.contextValue = 'claimdesk.claim';
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Registers the view; the returned provider is the one the view renders (the API hands it to tests). */
export function registerTreeView(sources: SourceIndexFeature): vscode.Disposable & { provider: ClaimsTreeProvider } {
  const provider = new ClaimsTreeProvider(sources);
  const view = vscode.window.createTreeView('claimdesk.sources', { treeDataProvider: provider, showCollapseAll: true });
  const sub = sources.onDidChange(() => provider.refresh());
  return Object.assign(vscode.Disposable.from(view, sub, provider), { provider });
}
