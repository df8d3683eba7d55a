import * as vscode from 'vscode';
import { registerSourceIndex } from './features/sourceIndex';
import { registerTreeView } from './features/treeView';

export interface HostInfo {
  platform: 'node' | 'web';
}

/** The API the extension returns from activate: integration tests reach the live index through it. */
export interface ClaimdeskApi {
  index: import('../core/workspaceIndex').WorkspaceIndex;
  /** Resolves once the first scan of the workspace's sources has finished. */
  ready: Promise<void>;
  platform: HostInfo['platform'];
  /** The data provider behind the `claimdesk.sources` view (integration tests walk it). */
  sourcesTree: import('./features/treeView').ClaimsTreeProvider;
}

/** Activation shared by the Node (desktop) and web worker entries: one registration per feature. */
export function activateShared(context: vscode.ExtensionContext, host: HostInfo): ClaimdeskApi {
  const sources = registerSourceIndex(context);
  context.subscriptions.push(sources);
  const tree = registerTreeView(sources);
  context.subscriptions.push(tree);
  return { index: sources.index, ready: sources.ready, platform: host.platform, sourcesTree: tree.provider };
}
