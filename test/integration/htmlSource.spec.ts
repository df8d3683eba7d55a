import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ClaimdeskApi } from '../../src/vscode/extension.shared';
import { WEB_MEMO, WEB_PAGE } from './fixtures/webPage';
import { activateClaimdesk, indexPath, openInEditor, positionOf, until, untilIndexed, writeWorkspaceFile } from './harness/util';

// Written straight into sources/, a folder watched since the start: in the Node host the file
// watcher (@parcel/watcher's inotify backend) can miss a file written into a folder created just
// before it (parcel-bundler/watcher#243), and the page would never reach the index.
const page = 'sources/grid-repairs.html';
const memo = 'memos/grid-memo.md';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function activeEditorUri(): string {
  return vscode.window.activeTextEditor?.document.uri.toString() ?? 'no active editor';
}

// The web page is not part of the fixture (it would become a source of every other spec and of the
// sample anyone tries): each test writes it afresh and the runner removes it before the next.
describe('Claimdesk web page sources', () => {
  let api: ClaimdeskApi;
  beforeEach(async () => {
    api = await activateClaimdesk();
    await writeWorkspaceFile(page, WEB_PAGE);
    await writeWorkspaceFile(memo, WEB_MEMO);
    await untilIndexed(api, () => api.index.get(indexPath(page)), `the web page ${page} to be indexed`);
  });

  it('reads the page: its title, author and date in the tree, its article paragraphs only', async () => {
    const doc = api.index.get(indexPath(page))!;
    assert.equal(doc.citekey, 'marchenko2024');
    assert.equal(doc.meta.title, 'Kyiv grid repairs to cost $12 billion');
    assert.equal(doc.paragraphs.filter((p) => p.role === 'body').length, 4);
    assert.ok(!doc.text.includes('Share on Facebook') && !doc.text.includes('Photograph') && !doc.text.includes('First comment'));
    const roots = (await api.sourcesTree.getChildren(undefined)) ?? [];
    const items = await Promise.all(roots.map((r) => api.sourcesTree.getTreeItem(r)));
    const item = items.find((i) => (typeof i.label === 'string' ? i.label : i.label?.label) === doc.meta.title);
    assert.ok(item, 'the page is a root of the Sources view');
    assert.equal(item.description, 'Olena Marchenko · 2024-03-14');
  });

  it('a citation to the page has a hover and goes to the sentence in a read-only view of the article', async () => {
    const { document } = await openInEditor(memo);
    const at = positionOf(document, '@marchenko2024', { offset: 3 });
    // The page is indexed (beforeEach): the hover is computed from the index as it is now.
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
    assert.match(text, /Kyiv grid repairs/, text);
    assert.match(text, /Repairing the power grid/);
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, at);
    assert.ok(locations.length > 0, 'a definition');
    const target = 'targetUri' in locations[0] ? locations[0].targetUri : locations[0].uri;
    assert.equal(target.scheme, 'claimdesk-source');
    const view = await vscode.workspace.openTextDocument(target);
    const range = 'targetRange' in locations[0] ? locations[0].targetRange : locations[0].range;
    assert.match(view.getText(range), /^Repairing the power grid around Kyiv will cost \$12 billion/);

    const doc = api.index.get(indexPath(page))!;
    const claim = doc.extraction.claims.find((c) => c.paragraph === 2)!;
    // claimdesk.openSource awaits showTextDocument: its editor is the active one when it resolves.
    await vscode.commands.executeCommand('claimdesk.openSource', doc.path, claim.span.start, claim.span.end);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'claimdesk-source', `the article view is not the active editor: ${activeEditorUri()}`);
    assert.equal(editor.document.getText(editor.selection), claim.text);

    // claimdesk.openOriginalPage ends in `vscode.open`, a workbench command: the extension host
    // hears of the new active editor by its own event, which may come after the command resolved.
    await vscode.commands.executeCommand('claimdesk.openOriginalPage');
    await until(
      [vscode.window.onDidChangeActiveTextEditor],
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith('grid-repairs.html'),
      'the original page to open as the active editor',
      () => `active editor ${activeEditorUri()}`,
    );
  });
});
