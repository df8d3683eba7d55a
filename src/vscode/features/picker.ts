import * as vscode from 'vscode';
import type { CatalogCache, CiteTarget } from '../../core/services/catalog';
import { citationFor, insertionFor, spacedInsertion, targetLabel } from '../../core/services/cite';
import type { InsertCitationArgs } from '../../core/services/hover';
import { sourceDescription, sourceTitle } from '../../core/services/tree';

/** The markdown editor a citation goes into: the active one, else a visible memo. */
function memoEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown') return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown');
}

/** Inserts text at the cursor of the memo editor (or at an offset of a given document); copies it when no memo is open. */
export async function insertIntoMemo(text: string, where?: { uri?: string; offset?: number }): Promise<boolean> {
  if (where?.uri) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(where.uri));
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
    const position = where.offset !== undefined ? document.positionAt(where.offset) : editor.selection.active;
    const before = document.getText(new vscode.Range(position.with(undefined, 0), position));
    return editor.edit((b) => b.insert(position, spacedInsertion(before, text)));
  }
  const editor = memoEditor();
  if (!editor) {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(`Claimdesk: no memo is open; copied ${text} to the clipboard.`);
    return false;
  }
  const selection = editor.selection;
  const before = editor.document.getText(new vscode.Range(selection.start.with(undefined, 0), selection.start));
  const insertion = selection.isEmpty ? spacedInsertion(before, text) : text;
  return editor.edit((b) => b.replace(selection, insertion));
}

interface TargetPick extends vscode.QuickPickItem {
  target: CiteTarget;
}

/** Quick pick labels render `$(name)` as icons: source text must not. */
function noIcons(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(');
}

function picks(catalog: CatalogCache): TargetPick[] {
  return catalog.get().targets.map((target) => {
    const label = targetLabel(target);
    return {
      label: `$(${target.kind === 'claim' ? 'comment' : 'symbol-number'}) ${noIcons(label.length > 140 ? label.slice(0, 139) + '…' : label)}`,
      description: citationFor(target),
      detail: noIcons(`${target.kind === 'claim' ? `${target.claim.kind} · ${target.claim.speaker}` : `figure · ${target.figure.source ?? 'no source named'}`} — ${[sourceTitle(target.doc), sourceDescription(target.doc)].filter(Boolean).join(' · ')}`),
      target,
    };
  });
}

/**
 * `claimdesk.insertCitation`: with an argument (a citation text, or {text, uri, offset} from a hover) it
 * inserts that; without, it opens a searchable pick list of every claim and figure.
 */
export function registerCitationPicker(catalog: CatalogCache): vscode.Disposable {
  return vscode.commands.registerCommand('claimdesk.insertCitation', async (arg?: unknown) => {
    if (typeof arg === 'string') return insertIntoMemo(arg);
    if (arg && typeof arg === 'object' && typeof (arg as InsertCitationArgs).text === 'string') {
      const a = arg as InsertCitationArgs;
      return insertIntoMemo(a.text, { uri: a.uri, offset: a.offset });
    }
    if (arg && typeof arg === 'object' && 'target' in arg) return insertIntoMemo(insertionFor((arg as { target: CiteTarget }).target));
    const editor = memoEditor();
    const quickPick = vscode.window.createQuickPick<TargetPick>();
    quickPick.title = 'Claimdesk: Insert Citation';
    quickPick.placeholder = 'Type words of a claim, a speaker, a figure or a citekey';
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.items = picks(catalog);
    const chosen = await new Promise<TargetPick | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
    quickPick.dispose();
    if (!chosen) return false;
    if (editor) await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    return insertIntoMemo(insertionFor(chosen.target));
  });
}
