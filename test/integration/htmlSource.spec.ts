import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { WEB_MEMO, WEB_PAGE } from './fixtures/webPage';
import { activateClaimdesk, closeAllEditors, indexPath, positionOf, waitFor, workspaceUri, writeWorkspaceFile } from './harness/util';

const page = 'sources/web/grid-repairs.html';
const memo = 'memos/grid-memo.md';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('Claimdesk web page sources', () => {
  before(async () => {
    const api = await activateClaimdesk();
    await writeWorkspaceFile(page, WEB_PAGE);
    await writeWorkspaceFile(memo, WEB_MEMO);
    await waitFor(() => api.index.get(indexPath(page)), `the web page ${page} indexed`, 20_000);
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('sources/web'), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri(memo)).then(undefined, () => undefined);
  });

  it('reads the page: its title, author and date in the tree, its article paragraphs only', async () => {
    const api = await activateClaimdesk();
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
    const document = await vscode.workspace.openTextDocument(workspaceUri(memo));
    await vscode.window.showTextDocument(document);
    const at = positionOf(document, '@marchenko2024', { offset: 3 });
    const text = await waitFor(async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
      return /Kyiv grid repairs/.test(t) && t;
    }, 'the citation hover');
    assert.match(text, /Repairing the power grid/);
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, at);
    assert.ok(locations.length > 0, 'a definition');
    const target = 'targetUri' in locations[0] ? locations[0].targetUri : locations[0].uri;
    assert.equal(target.scheme, 'claimdesk-source');
    const view = await vscode.workspace.openTextDocument(target);
    const range = 'targetRange' in locations[0] ? locations[0].targetRange : locations[0].range;
    assert.match(view.getText(range), /^Repairing the power grid around Kyiv will cost \$12 billion/);

    const doc = (await activateClaimdesk()).index.get(indexPath(page))!;
    const claim = doc.extraction.claims.find((c) => c.paragraph === 2)!;
    await vscode.commands.executeCommand('claimdesk.openSource', doc.path, claim.span.start, claim.span.end);
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'claimdesk-source' && vscode.window.activeTextEditor, 'the article view');
    assert.equal(editor.document.getText(editor.selection), claim.text);

    await vscode.commands.executeCommand('claimdesk.openOriginalPage');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('grid-repairs.html'), 'the original page opened');
  });
});
