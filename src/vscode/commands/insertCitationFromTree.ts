import * as vscode from 'vscode';
import type { TreeNode } from '../../core/services/sourcesTree';
import type { SourcesView } from '../features/treeView';

/** `claimdesk.insertCitationFromTree`: inserts the citations of the node, or of every selected node, into the memo. */
export function registerInsertCitationFromTree(tree: SourcesView): vscode.Disposable {
  return vscode.commands.registerCommand('claimdesk.insertCitationFromTree', async (node?: TreeNode) => {
    const { view, provider } = tree;
    const selected = view.selection.length > 1 && node && view.selection.includes(node) ? view.selection : node ? [node] : view.selection;
    const text = selected
      .map((n) => provider.model.citationOf(n))
      .filter(Boolean)
      .join(' ');
    if (text) return vscode.commands.executeCommand('claimdesk.insertCitation', text);
    return undefined;
  });
}
