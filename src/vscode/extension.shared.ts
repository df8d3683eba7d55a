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
import { registerMemoLibraries } from './features/library';
import { registerSnippetHint } from './features/snippetHint';

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
  /** Background work, so that integration tests wait for it to be done instead of sleeping. */
  work: BackgroundWork;
}

/** The "done" signals of the index and the memo checks. */
export interface BackgroundWork {
  /** No scan, watcher batch or source read is running or waiting: every file event seen so far is indexed. */
  readonly indexSettled: boolean;
  /** The index is settled and no memo check is scheduled or running: every open memo's diagnostics are current. */
  readonly settled: boolean;
  /** Fires whenever the index or the memo checks run out of work (then read `settled`/`indexSettled`). */
  readonly onDidSettle: vscode.Event<void>;
  /** The version of an open memo whose check is published (undefined when none is). */
  memoCheckedVersion(uri: vscode.Uri): number | undefined;
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
  // Each memo's own bibliography files and inline references, re-read when they change.
  const libraries = registerMemoLibraries();
  context.subscriptions.push(libraries);
  context.subscriptions.push(
    registerSourceView(sources.index),
    registerOpenSource(catalog),
    registerHover(catalog, libraries),
    registerCompletion(catalog, sources.onDidChange, libraries),
    registerCitationPicker(catalog),
    registerDrop(),
    registerDefinition(catalog, libraries),
    registerReferences(catalog),
    registerCitationCount(catalog, sources.onDidChange),
  );
  // Memo checks, their quick fixes, the CSL-JSON bibliography and pandoc rendering.
  const memoDiagnostics = registerMemoDiagnostics(sources, libraries);
  const bibliography = registerExportBibliography(sources);
  context.subscriptions.push(
    memoDiagnostics,
    bibliography,
    registerCodeActions(memoDiagnostics, (document) => bibliography.hasBibliography(document)),
    registerRenderMemo(bibliography, host.runProcess),
    registerSnippetHint(context, (document) => memoDiagnostics.isMemo(document)),
  );
  // Curation: the commands that write sidecars (trusted workspaces only, atomic writes).
  context.subscriptions.push(registerSidecarCommands(sources));
  const settled = new vscode.EventEmitter<void>();
  context.subscriptions.push(settled, sources.onDidSettle(() => settled.fire()), memoDiagnostics.onDidSettle(() => settled.fire()));
  const work: BackgroundWork = {
    get indexSettled() {
      return sources.settled;
    },
    get settled() {
      return sources.settled && memoDiagnostics.settled;
    },
    onDidSettle: settled.event,
    memoCheckedVersion: (uri) => memoDiagnostics.checkedVersion(uri),
  };
  return { index: sources.index, ready: sources.ready, platform: host.platform, sourcesTree: tree.provider, activationMs: performance.now() - activationStart, work };
}
