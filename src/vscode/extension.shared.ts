import * as vscode from 'vscode';
import { registerSourceIndex } from './features/sourceIndex';
import { registerTreeView } from './features/treeView';
import { CatalogCache } from '../core/services/catalog';
import { registerOpenSource } from './features/openSource';
import { registerHover } from './features/hover';
import { registerCompletion } from './features/completion';
import { registerCitationPicker } from './features/picker';
import { registerDrop } from './features/drop';
import { registerDefinition } from './features/definition';
import { registerReferences } from './features/references';
import { registerCitationCount } from './features/codeLens';
import { registerMemoDiagnostics } from './features/memoDiagnostics';
import { registerCodeActions } from './features/codeActions';
import { registerExportBibliography } from './features/exportBibliography';
import { registerRenderMemo, type ProcessRunner } from './features/renderMemo';
import { registerSidecarCommands } from './features/sidecarCommands';
import { registerSourceView } from './features/sourceView';

export interface HostInfo {
  platform: 'node' | 'web';
  /** Runs a program (pandoc); only the Node host has one. */
  runProcess?: ProcessRunner;
}

/** The API the extension returns from activate: integration tests reach the live index through it. */
export interface ClaimdeskApi {
  index: import('../core/workspaceIndex').WorkspaceIndex;
  /** Resolves once the first scan of the workspace's sources has finished. */
  ready: Promise<void>;
  platform: HostInfo['platform'];
  /** The data provider behind the `claimdesk.sources` view (integration tests walk it). */
  sourcesTree: import('./features/treeView').ClaimsTreeProvider;
  /** How long activate itself took, in ms (the bench reports it from a real host). */
  activationMs: number;
}

/** Activation shared by the Node (desktop) and web worker entries: one registration per feature. */
export function activateShared(context: vscode.ExtensionContext, host: HostInfo): ClaimdeskApi {
  const activationStart = performance.now();
  const sources = registerSourceIndex(context, host.platform);
  context.subscriptions.push(sources);
  // Lookup tables for the editor features (hover, completion, tree…), rebuilt once per index change.
  const catalog = new CatalogCache(sources.index);
  context.subscriptions.push(catalog);
  const tree = registerTreeView(sources, catalog);
  context.subscriptions.push(tree);
  context.subscriptions.push(
    registerSourceView(sources.index),
    registerOpenSource(catalog),
    registerHover(catalog),
    registerCompletion(catalog, sources.onDidChange),
    registerCitationPicker(catalog),
    registerDrop(),
    registerDefinition(catalog),
    registerReferences(catalog),
    registerCitationCount(catalog, sources.onDidChange),
  );
  // Memo checks, their quick fixes, the CSL-JSON bibliography and pandoc rendering.
  const memoDiagnostics = registerMemoDiagnostics(sources);
  const bibliography = registerExportBibliography(sources);
  context.subscriptions.push(
    memoDiagnostics,
    bibliography,
    registerCodeActions(memoDiagnostics, (document) => bibliography.hasBibliography(document)),
    registerRenderMemo(bibliography, host.runProcess),
  );
  // Curation: the commands that write sidecars (trusted workspaces only, atomic writes).
  context.subscriptions.push(registerSidecarCommands(sources));
  return { index: sources.index, ready: sources.ready, platform: host.platform, sourcesTree: tree.provider, activationMs: performance.now() - activationStart };
}
