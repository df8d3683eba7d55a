import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateClaimdesk, openInEditor, openMemo, positionOf, seedSource } from './harness/util';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('Claimdesk hover cards', () => {
  it('hovering "US$524 billion" in a memo shows the World Bank sentence, the source and its actions', async () => {
    await activateClaimdesk();
    const editor = await openMemo();
    const at = positionOf(editor.document, 'US$524 billion', { offset: 5 });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hoverText(hovers);
    assert.match(text, /Ukraine’s reconstruction will be costly/, text);
    assert.match(text, /World Bank/);
    assert.match(text, /No deal agreed at Trump/);
    assert.match(text, /\(command:claimdesk\.openSource\?/);
    assert.match(text, /\(command:claimdesk\.insertCitation\?/);
    const ours = hovers.find((h) => hoverText([h]).includes('reconstruction will be costly'))!;
    assert.equal(editor.document.getText(ours.range), 'US$524 billion');
  });

  it('hovering a citation shows the source and the cited paragraph’s claims', async () => {
    const editor = await openMemo();
    const at = positionOf(editor.document, '@borodyna2025, para. 7', { offset: 3 });
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(text, /Paragraph 7/);
    assert.match(text, /Zelensky/);
  });

  it('hovering an entity mention in the source shows the entity card', async () => {
    const editor = await openInEditor(seedSource);
    const at = positionOf(editor.document, 'World Bank', { offset: 2 });
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(text, /\*\*World Bank\*\* — organization · \d+ mentions?/, text);
  });
});
