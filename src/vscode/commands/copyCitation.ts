import * as vscode from 'vscode';
import type { TreeNode } from '../../core/services/sourcesTree';
import type { ClaimsTreeProvider } from '../features/treeView';

/** `claimdesk.copyCitation`: copies a tree node's citation (a claim's, a figure's or its source's); returns it. */
export function registerCopyCitation(provider: ClaimsTreeProvider): vscode.Disposable {
  return vscode.commands.registerCommand('claimdesk.copyCitation', async (node?: TreeNode) => {
    const text = node && provider.model.citationOf(node);
    if (!text) return undefined;
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Copied ${text}`, 3000);
    return text;
  });
}
