import * as vscode from 'vscode';
import { TreeFilter } from '../../core/services/tree';
import type { SourcesView } from '../features/treeView';

/** `claimdesk.clearTreeFilter`: shows everything again. */
export function registerClearTreeFilter(tree: SourcesView): vscode.Disposable {
  return vscode.commands.registerCommand('claimdesk.clearTreeFilter', () => {
    tree.provider.filter = new TreeFilter('');
    tree.update();
  });
}
