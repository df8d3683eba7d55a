import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateClaimdesk, openMemo } from './harness/util';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Applies a completion item the way the editor does: its insert text over its (inserting) range. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem, at: vscode.Position): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : item.range?.inserting ?? new vscode.Range(at, at);
  const text = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? labelOf(item);
  await editor.edit((b) => b.replace(range, text));
}

describe('Claimdesk citation completion', () => {
  it('after `[@` a claim matched on its words inserts its citation, and sources come first', async () => {
    await activateClaimdesk();
    const editor = await openMemo();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nCosts are high [@world'));
    const at = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '@');
    const ours = list.items.filter((i) => typeof i.detail === 'string' && /@borodyna2025/.test(i.detail + (typeof i.insertText === 'string' ? i.insertText : '')));
    const claim = ours.find((i) => labelOf(i).startsWith('Ukraine’s reconstruction will be costly'));
    assert.ok(claim, `no World Bank claim among ${ours.map(labelOf).join(' | ')}`);
    await accept(editor, claim, at);
    assert.match(editor.document.lineAt(editor.document.lineCount - 1).text, /^Costs are high \[@borodyna2025, para\. 19\]$/);

    await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\nSee [@boro'));
    const at2 = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list2 = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at2, '@');
    const source = list2.items.filter((i) => i.sortText?.startsWith('0')).map(labelOf);
    assert.ok(source.includes('@borodyna2025'), `sources offered: ${source.join(', ')}`);
  });
});
