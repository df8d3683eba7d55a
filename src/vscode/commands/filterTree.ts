import * as vscode from 'vscode';
import { TreeFilter } from '../../core/services/tree';
import type { SourcesView } from '../features/treeView';

/** `claimdesk.filterTree [query]`: shows only what matches every word (asks when not told). */
export function registerFilterTree(tree: SourcesView): vscode.Disposable {
  return vscode.commands.registerCommand('claimdesk.filterTree', async (arg?: unknown) => {
    const query = typeof arg === 'string' ? arg : await vscode.window.showInputBox({ title: 'Claimdesk: Filter Sources', prompt: 'Words a claim, entity, figure or source title must contain', value: tree.provider.filter.query });
    if (query === undefined) return;
    tree.provider.filter = new TreeFilter(query);
    tree.update();
  });
}
