import * as vscode from 'vscode';
import type { CatalogCache } from '../../core/services/catalog';
import type { OpenSourceArgs } from '../../core/services/hover';
import { sourceRange } from './positions';
import { sourceViewUri } from './sourceView';

/** How much of a sentence's start is scrolled into view sideways: fits any editor a reader uses. */
const HEAD_CHARS = 60;

/**
 * `claimdesk.openSource(path, start, end)`: opens a source, selects the span and highlights it until
 * the selection moves elsewhere. Hover links, the tree and definitions all land here.
 */
export function registerOpenSource(catalog: CatalogCache): vscode.Disposable {
  const highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
    isWholeLine: false,
  });
  let highlighted: vscode.TextEditor | undefined;
  const command = vscode.commands.registerCommand('claimdesk.openSource', async (...args: unknown[]) => {
    const [path, start, end] = (Array.isArray(args[0]) ? args[0] : args) as OpenSourceArgs;
    if (typeof path !== 'string') return undefined;
    const uri = sourceViewUri(path);
    const doc = catalog.get().sourceAt(path);
    const document = await vscode.workspace.openTextDocument(uri);
    const s = Number.isFinite(start) ? start : 0;
    const e = Number.isFinite(end) ? end : s;
    const range = doc ? sourceRange(doc, s, e) : new vscode.Range(document.positionAt(s), document.positionAt(e));
    // The cursor at the sentence's start, where reading begins.
    const selection = new vscode.Selection(range.end, range.start);
    const editor = await vscode.window.showTextDocument(document, { preview: true, selection });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    // A paragraph written as one long line: scroll sideways to the sentence's first words too. A
    // head shorter than the editor is wide ends up whole in view; the whole sentence may not fit.
    const head = new vscode.Range(range.start, range.start.line === range.end.line ? new vscode.Position(range.start.line, Math.min(range.end.character, range.start.character + HEAD_CHARS)) : range.start.translate(0, HEAD_CHARS));
    editor.revealRange(document.validateRange(head), vscode.TextEditorRevealType.Default);
    if (highlighted && highlighted !== editor) highlighted.setDecorations(highlight, []);
    editor.setDecorations(highlight, [range]);
    highlighted = editor;
    return range;
  });
  const clear = vscode.window.onDidChangeTextEditorSelection((e) => {
    if (e.textEditor === highlighted && e.kind !== undefined && e.kind !== vscode.TextEditorSelectionChangeKind.Command) {
      highlighted.setDecorations(highlight, []);
      highlighted = undefined;
    }
  });
  return vscode.Disposable.from(command, clear, highlight);
}
