import * as vscode from 'vscode';
import { isHtmlPath } from '../../core/source';
import type { WorkspaceIndex } from '../../core/workspaceIndex';

/** Read-only documents showing a web page source as the text Claimdesk extracted from it. */
export const SOURCE_VIEW_SCHEME = 'claimdesk-source';

/**
 * Where a source opens in the editor: the file itself for text sources; for a web page, a read-only
 * view of its extracted text (the offsets of claims and paragraphs are offsets into that text).
 */
export function sourceViewUri(path: string): vscode.Uri {
  const uri = vscode.Uri.parse(path);
  if (!isHtmlPath(uri.path)) return uri;
  return vscode.Uri.from({ scheme: SOURCE_VIEW_SCHEME, path: `${uri.path}.txt`, query: uri.toString() });
}

/** The original file of a source view (or the URI itself when it is no view). */
export function originalOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === SOURCE_VIEW_SCHEME ? vscode.Uri.parse(uri.query) : uri;
}

/** The text view of web page sources, and `claimdesk.openOriginalPage` to open the page itself. */
export function registerSourceView(index: WorkspaceIndex): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent(uri) {
      return index.get(uri.query)?.text ?? `This web page is not among the indexed sources (any more): ${uri.query}\n`;
    },
  };
  const open = vscode.commands.registerCommand('claimdesk.openOriginalPage', async (arg?: vscode.Uri) => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) return;
    const original = originalOf(uri);
    // On the desktop the page opens in the browser; elsewhere (the web, remote files) as its HTML.
    if (original.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop && (await vscode.env.openExternal(original))) return;
    await vscode.commands.executeCommand('vscode.open', original);
  });
  const listener = index.onDidChange(({ paths }) => {
    for (const path of paths) if (isHtmlPath(vscode.Uri.parse(path).path)) changed.fire(sourceViewUri(path));
  });
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(SOURCE_VIEW_SCHEME, provider), open, changed, listener);
}
