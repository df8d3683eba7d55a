import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateClaimdesk, closeAllEditors, indexPath, openInEditor, openMemo, positionOf, sampleMemo, seedSource } from './harness/util';

describe('Claimdesk references and citation count', () => {
  after(closeAllEditors);

  it('Find All References on a source sentence lists its citations in memos', async () => {
    await activateClaimdesk();
    const editor = await openInEditor(seedSource);
    const at = positionOf(editor.document, 'to the tune of US$524 billion', { offset: 3 });
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at);
    assert.equal(locations.length, 1, JSON.stringify(locations));
    assert.equal(locations[0].uri.toString(), indexPath(sampleMemo));
    const memo = await vscode.workspace.openTextDocument(locations[0].uri);
    assert.equal(memo.getText(locations[0].range), '@borodyna2025, para. 19');
  });

  it('Find All References on a memo citation, and claimdesk.findCitations for a whole source', async () => {
    const editor = await openMemo();
    const at = positionOf(editor.document, '@borodyna2025, para. 6', { offset: 2 });
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at);
    assert.equal(locations.length, 1);
    const all = await vscode.commands.executeCommand<vscode.Location[]>('claimdesk.findCitations', { citekey: 'borodyna2025' });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const expected = (editor.document.getText().match(/@borodyna2025/g) ?? []).length;
    assert.equal(all.length, expected);
  });

  it('a CodeLens gives the memo’s citation count', async () => {
    const editor = await openMemo();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const expected = (editor.document.getText().match(/@borodyna2025/g) ?? []).length;
    assert.ok(lenses.some((l) => l.command?.title === `Claimdesk: ${expected} citations of 1 source`), lenses.map((l) => l.command?.title).join(' | '));
  });
});
