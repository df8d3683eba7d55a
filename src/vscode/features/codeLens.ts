import * as vscode from 'vscode';
import type { CatalogCache } from '../../core/services/catalog';
import { citationStats } from '../../core/services/references';
import { MARKDOWN } from './positions';

function summary(stats: { items: number; sources: number; unknown: number }): string {
  const base = `${stats.items} citation${stats.items === 1 ? '' : 's'} of ${stats.sources} source${stats.sources === 1 ? '' : 's'}`;
  return stats.unknown ? `${base} · ${stats.unknown} unknown` : base;
}

/** A memo's citation count: a CodeLens on its first line and a status bar item while it is the active editor. */
export function registerCitationCount(catalog: CatalogCache, onIndexChange: vscode.Event<void>): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const lenses = vscode.languages.registerCodeLensProvider(MARKDOWN, {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      const cat = catalog.get();
      if (cat.sourceAt(document.uri.toString())) return [];
      const stats = citationStats(cat, document.getText());
      if (!stats.items) return [];
      return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: `Claimdesk: ${summary(stats)}`, command: 'workbench.view.extension.claimdesk', tooltip: 'Show the Claimdesk sources' })];
    },
  });
  const status = vscode.window.createStatusBarItem('claimdesk.citations', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Claimdesk citations';
  status.command = 'workbench.view.extension.claimdesk';
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const cat = catalog.get();
    if (!editor || editor.document.languageId !== 'markdown' || cat.sourceAt(editor.document.uri.toString())) {
      status.hide();
      return;
    }
    const stats = citationStats(cat, editor.document.getText());
    status.text = `$(quote) ${stats.items}`;
    status.tooltip = `Claimdesk: ${summary(stats)} in this memo`;
    status.show();
  };
  update();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let indexTimer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  };
  return vscode.Disposable.from(
    changed,
    lenses,
    status,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later();
    }),
    // A scan changes the index once per slice: recount once it settles.
    onIndexChange(() => {
      clearTimeout(indexTimer);
      indexTimer = setTimeout(() => {
        changed.fire();
        update();
      }, 250);
    }),
    { dispose: () => clearTimeout(indexTimer) },
    { dispose: () => clearTimeout(timer) },
  );
}
