import * as vscode from 'vscode';
import type { TreeNode } from '../../core/services/sourcesTree';
import type { ClaimsTreeProvider } from '../features/treeView';

/** `claimdesk.goToSource`: opens the source at what a tree node shows. */
export function registerGoToSource(provider: ClaimsTreeProvider): vscode.Disposable {
  return vscode.commands.registerCommand('claimdesk.goToSource', async (node?: TreeNode) => {
    const span = node && provider.model.spanOf(node);
    if (span) return vscode.commands.executeCommand('claimdesk.openSource', span.doc.path, span.start, span.end);
    return undefined;
  });
}
