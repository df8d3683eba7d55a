import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { parseCitations } from '../../src/core/citation';
import { activateClaimdesk, indexPath, openInEditor, openMemo, positionOf, sampleMemo, seedSource } from './harness/util';

describe('Claimdesk references and citation count', () => {
  it('Find All References on a source sentence lists its citations in memos', async () => {
    await activateClaimdesk();
    const editor = await openInEditor(seedSource);
    const at = positionOf(editor.document, 'to the tune of US$524 billion', { offset: 3 });
    const all = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at);
    // The fixture has one memo; look at it by name all the same.
    const locations = all.filter((l) => l.uri.toString() === indexPath(sampleMemo));
    assert.equal(locations.length, 1, JSON.stringify(all));
    const memo = await vscode.workspace.openTextDocument(locations[0].uri);
    assert.equal(memo.getText(locations[0].range), '@borodyna2025, para. 19');
  });

  it('Find All References on a memo citation, and claimdesk.findCitations for a whole source', async () => {
    const editor = await openMemo();
    const at = positionOf(editor.document, '@borodyna2025, para. 6', { offset: 2 });
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at);
    assert.equal(locations.filter((l) => l.uri.toString() === editor.document.uri.toString()).length, 1);
    const all = await vscode.commands.executeCommand<vscode.Location[]>('claimdesk.findCitations', { citekey: 'borodyna2025' });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const expected = (editor.document.getText().match(/@borodyna2025/g) ?? []).length;
    assert.equal(all.filter((l) => l.uri.toString() === editor.document.uri.toString()).length, expected);
  });

  it('a CodeLens gives the memo’s citation count', async () => {
    const editor = await openMemo();
    const api = await activateClaimdesk();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    // Counted from the memo as it is, so the expectation follows the fixture when it changes.
    const items = parseCitations(editor.document.getText()).flatMap((c) => c.items);
    const known = new Set(items.filter((i) => api.index.byCitekey(i.key)).map((i) => i.key)).size;
    const unknown = items.filter((i) => !api.index.byCitekey(i.key)).length;
    const title = `Claimdesk: ${items.length} citation${items.length === 1 ? '' : 's'} of ${known} source${known === 1 ? '' : 's'}${unknown ? ` · ${unknown} unknown` : ''}`;
    assert.ok(items.length >= 8);
    assert.ok(lenses.some((l) => l.command?.title === title), `${title} not in ${lenses.map((l) => l.command?.title).join(' | ')}`);
  });
});
