import * as vscode from 'vscode';
import type { SourcesView, TreeGrouping } from '../features/treeView';

const GROUPINGS = [
  { label: 'Claims by kind', value: 'kind' },
  { label: 'Claims by speaker', value: 'speaker' },
  { label: 'Entities across all sources', value: 'entity' },
] as const satisfies ReadonlyArray<{ label: string; value: TreeGrouping }>;

/** `claimdesk.groupBy [kind|speaker|entity]`: regroups the Sources view (asks when not told); returns the grouping. */
export function registerGroupBy(tree: SourcesView): vscode.Disposable {
  return vscode.commands.registerCommand('claimdesk.groupBy', async (arg?: unknown) => {
    let grouping = GROUPINGS.find((g) => g.value === arg)?.value;
    if (!grouping) grouping = (await vscode.window.showQuickPick(GROUPINGS, { title: 'Claimdesk: Group the Sources view' }))?.value;
    if (grouping) {
      tree.provider.grouping = grouping;
      tree.update();
    }
    return tree.provider.grouping;
  });
}
