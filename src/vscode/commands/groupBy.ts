import * as vscode from 'vscode';
import type { SourcesView, TreeGrouping } from '../features/treeView';

const GROUPINGS = [
  { label: 'Claims by kind', value: 'kind' },
  { label: 'Claims by speaker', value: 'speaker' },
  { label: 'Entities across all sources', value: 'entity' },
] as const satisfies ReadonlyArray<{ label: string; value: TreeGrouping }>;

type GroupingItem = vscode.QuickPickItem & { value: TreeGrouping };

/** Asks for a grouping, the current one marked and selected (as VS Code's own pickers do). */
function pickGrouping(current: TreeGrouping): Promise<TreeGrouping | undefined> {
  const items: GroupingItem[] = GROUPINGS.map((g) => ({ label: g.label, value: g.value, ...(g.value === current ? { description: '(current)', picked: true } : {}) }));
  const pick = vscode.window.createQuickPick<GroupingItem>();
  pick.title = 'Claimdesk: Group the Sources view';
  pick.placeholder = `Now: ${GROUPINGS.find((g) => g.value === current)?.label ?? current}`;
  pick.items = items;
  pick.activeItems = items.filter((i) => i.value === current);
  return new Promise((resolve) => {
    let chosen: TreeGrouping | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.value ?? pick.activeItems[0]?.value;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}

/** `claimdesk.groupBy [kind|speaker|entity]`: regroups the Sources view (asks when not told); returns the grouping. */
export function registerGroupBy(tree: SourcesView): vscode.Disposable {
  return vscode.commands.registerCommand('claimdesk.groupBy', async (arg?: unknown) => {
    let grouping = GROUPINGS.find((g) => g.value === arg)?.value;
    grouping ??= await pickGrouping(tree.provider.grouping);
    if (grouping) {
      tree.provider.grouping = grouping;
      tree.update();
    }
    return tree.provider.grouping;
  });
}
