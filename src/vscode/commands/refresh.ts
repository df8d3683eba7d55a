import * as vscode from 'vscode';
import type { SourceIndexFeature } from '../features/sourceIndex';
import type { ClaimsTreeProvider } from '../features/treeView';

/** `claimdesk.refresh`: re-reads every source, then redraws the Sources view. */
export function registerRefresh(sources: SourceIndexFeature, provider: ClaimsTreeProvider): vscode.Disposable {
  return vscode.commands.registerCommand('claimdesk.refresh', async () => {
    await sources.scan();
    provider.refresh();
  });
}
