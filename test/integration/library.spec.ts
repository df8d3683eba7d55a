import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ClaimdeskApi } from '../../src/vscode/extension.shared';
import { activateClaimdesk, memoDiagnostics, openInEditor, positionOf, rangeOf, workspaceUri, writeWorkspaceFile } from './harness/util';

// A memo with its own Better BibTeX export beside it, as an analyst's Zotero library writes it.
const BIB = [
  '@article{smith2024sanctions,',
  '  title = {Sanctions and {Oil}: The {EU} Years},',
  '  author = {Smith, Jane and Okafor, Chidi},',
  '  date = {2024-03-05},',
  '  journaltitle = {Foreign Affairs}',
  '}',
  '',
].join('\n');
const MEMO = [
  '---',
  'title: Sanctions memo',
  'bibliography: refs.bib',
  'references:',
  '- id: inline2023',
  '  title: An inline work',
  '---',
  '',
  'Oil revenue fell [@smith2024sanctions, p. 3] and [@inline2023].',
  '',
].join('\n');

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

const codes = (ds: vscode.Diagnostic[]) => ds.map((d) => String(d.code));

describe("Claimdesk with the memo's own bibliography", () => {
  let api: ClaimdeskApi;
  let editor: vscode.TextEditor;

  beforeEach(async () => {
    api = await activateClaimdesk();
    await writeWorkspaceFile('memos/refs.bib', BIB);
    await writeWorkspaceFile('memos/library-memo.md', MEMO);
    editor = await openInEditor('memos/library-memo.md');
  });

  it('accepts its keys, completes them with author, year and title, and hovers the full reference', async () => {
    const diagnostics = await memoDiagnostics(api, editor.document);
    assert.deepEqual(codes(diagnostics), [], 'library keys are not unknown citekeys');

    await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, 'Also [@smi'));
    const at = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '@');
    const entry = list.items.find((i) => labelOf(i) === '@smith2024sanctions');
    assert.ok(entry, `no library entry among ${list.items.map(labelOf).slice(0, 20).join(', ')}`);
    assert.equal(entry.detail, 'Smith & Okafor · 2024 · Sanctions and Oil: The EU Years');
    assert.equal(entry.insertText, 'smith2024sanctions]');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'smith2024sanctions, p. 3', { offset: 3 }));
    const text = hoverText(hovers);
    assert.match(text, /Smith\\, Jane\\; Okafor\\, Chidi \(2024\\-03\\-05\)/, text);
    assert.match(text, /Foreign Affairs/, text);
  });

  it('goes to the entry in the .bib file, and re-reads the file when it changes', async () => {
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, 'smith2024sanctions', { offset: 2 }));
    assert.equal(locations.length, 1);
    const first = locations[0];
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetRange' in first ? first.targetRange : first.range;
    assert.equal(uri.toString(), workspaceUri('memos/refs.bib').toString());
    const bib = await vscode.workspace.openTextDocument(uri);
    assert.equal(bib.getText(range), 'smith2024sanctions');

    // A key that is not in the library yet is unknown; once the export adds it, it is not.
    await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, 'New [@doe2025tariffs].'));
    await memoDiagnostics(api, editor.document, (ds) => codes(ds).includes('unknown-citekey'), 'the new key to be unknown');
    await writeWorkspaceFile('memos/refs.bib', BIB + '@report{doe2025tariffs, title = {Tariffs}, author = {Doe, John}, year = 2025}\n');
    await memoDiagnostics(api, editor.document, (ds) => !codes(ds).includes('unknown-citekey'), 'the re-read library to know the new key');
  });

  it('offers the nearest keys first: the same name with another or no year, then small misspellings', async () => {
    await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, 'Wrong year [@smith2023sanctions] and source [@borodyna].'));
    const doc = editor.document;
    await memoDiagnostics(api, doc, (ds) => codes(ds).filter((c) => c === 'unknown-citekey').length === 2, 'two unknown citekeys');
    const year = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rangeOf(doc, 'smith2023sanctions'));
    assert.equal(year[0]?.title, 'Change to @smith2024sanctions', JSON.stringify(year.map((a) => a.title)));
    assert.ok(year[0].edit && (await vscode.workspace.applyEdit(year[0].edit)));
    const noYear = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rangeOf(doc, 'borodyna]'));
    assert.equal(noYear[0]?.title, 'Change to @borodyna2025', JSON.stringify(noYear.map((a) => a.title)));
    assert.ok(noYear[0].edit && (await vscode.workspace.applyEdit(noYear[0].edit)));
    await memoDiagnostics(api, doc, (ds) => !codes(ds).includes('unknown-citekey'), 'both keys fixed');
    assert.match(doc.getText(), /Wrong year \[@smith2024sanctions\] and source \[@borodyna2025\]\./);
  });
});
