import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { Catalog } from '../../src/core/services/catalog';
import { insertionFor } from '../../src/core/services/cite';
import { activateClaimdesk, openMemo, WAIT_LIMIT_MS, withTimeout } from './harness/util';

describe('Claimdesk: Insert Citation… command', () => {
  it('opens a pick list of every claim and figure and inserts the accepted one at the cursor', async () => {
    const api = await activateClaimdesk();
    const editor = await openMemo();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nPicked: '));
    const line = editor.document.lineCount - 1;
    editor.selection = new vscode.Selection(editor.document.lineAt(line).range.end, editor.document.lineAt(line).range.end);
    // The command shows its pick list before it first awaits, so the list is shown by the time
    // executeCommand returns its promise; the accept below reaches the window after the show.
    const done = vscode.commands.executeCommand<boolean>('claimdesk.insertCitation');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await withTimeout(done, WAIT_LIMIT_MS, 'the pick list to insert the accepted citation'), true);
    const first = new Catalog(api.index.sources()).targets[0];
    assert.equal(editor.document.lineAt(line).text, `Picked: ${insertionFor(first)}`);
  });

  it('inserts a given citation (the hover action) at a given offset', async () => {
    await activateClaimdesk();
    const editor = await openMemo();
    const offset = editor.document.getText().indexOf('Russia would almost certainly');
    const ok = await vscode.commands.executeCommand<boolean>('claimdesk.insertCitation', { text: '[@borodyna2025, para. 15]', uri: editor.document.uri.toString(), offset });
    assert.equal(ok, true);
    // At the start of a line nothing precedes it, so no space is added.
    assert.equal(editor.document.getText().slice(offset, offset + 31), '[@borodyna2025, para. 15]Russia');
  });
});
