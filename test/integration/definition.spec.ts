import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateClaimdesk, indexPath, openMemo, positionOf, seedSource } from './harness/util';

async function definitionAt(editor: vscode.TextEditor, text: string, offset: number): Promise<vscode.Location> {
  const result = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, text, { offset }));
  assert.equal(result.length, 1, `${result.length} definitions`);
  const r = result[0];
  return 'targetUri' in r ? new vscode.Location(r.targetUri, r.targetRange) : r;
}

describe('Claimdesk Go to Definition on citations', () => {
  it('lands on the cited sentence the memo points to', async () => {
    await activateClaimdesk();
    const editor = await openMemo();
    const location = await definitionAt(editor, '@borodyna2025, para. 19', 4);
    assert.equal(location.uri.toString(), indexPath(seedSource));
    const source = await vscode.workspace.openTextDocument(location.uri);
    assert.equal(source.getText(location.range), 'Ukraine’s reconstruction will be costly, to the tune of US$524 billion, according to the World Bank.');
  });

  it('lands on the quoted sentence of paragraph 4', async () => {
    const editor = await openMemo();
    const location = await definitionAt(editor, '@borodyna2025, para. 4', 2);
    const source = await vscode.workspace.openTextDocument(location.uri);
    assert.match(source.getText(location.range), /“Those are points that we largely agreed on\.”$/);
  });

  it('claimdesk.openSource selects the span it is given', async () => {
    const api = await activateClaimdesk();
    const seed = api.index.get(indexPath(seedSource))!;
    const claim = seed.extraction.claims.find((c) => c.paragraph === 19)!;
    await vscode.commands.executeCommand('claimdesk.openSource', seed.path, claim.span.start, claim.span.end);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), seed.path);
    assert.equal(editor.document.getText(editor.selection), claim.text);
  });
});
