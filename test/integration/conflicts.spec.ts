import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { EVIDENCE_MEMO, EVIDENCE_SOURCES } from './fixtures/evidence';
import { activateClaimdesk, closeAllEditors, indexPath, positionOf, waitFor, waitForDiagnostics, workspaceUri, writeWorkspaceFile } from './harness/util';

const memo = 'memos/evidence-memo.md';

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Claimdesk evidence across sources', () => {
  before(async () => {
    const api = await activateClaimdesk();
    for (const [path, text] of Object.entries(EVIDENCE_SOURCES)) await writeWorkspaceFile(path, text);
    await writeWorkspaceFile(memo, EVIDENCE_MEMO);
    await waitFor(() => Object.keys(EVIDENCE_SOURCES).every((p) => api.index.get(indexPath(p))), 'the evidence sources indexed', 20_000);
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('sources/evidence'), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri(memo)).then(undefined, () => undefined);
  });

  it('the Sources view has a Conflicts section with both figures', async () => {
    const api = await activateClaimdesk();
    const roots = (await api.sourcesTree.getChildren(undefined)) ?? [];
    const first = await api.sourcesTree.getTreeItem(roots[0]);
    assert.equal(labelOf(first), 'Conflicts');
    const [conflict] = (await api.sourcesTree.getChildren(roots[0])) ?? [];
    assert.ok(conflict);
    assert.match(labelOf(await api.sourcesTree.getTreeItem(conflict)), /reconstruction/);
    const figures = await Promise.all(((await api.sourcesTree.getChildren(conflict)) ?? []).map((n) => api.sourcesTree.getTreeItem(n)));
    assert.deepEqual(figures.map(labelOf).sort(), ['$486 billion — [@ellis2025, para. 1]', 'US$524 billion — [@harlow2025, para. 1]']);
  });

  it('the memo hover names the other side, and the one-sided check notes it', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(memo));
    await vscode.window.showTextDocument(document);
    const at = positionOf(document, '$524 billion', { offset: 2 });
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      const t = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n').replace(/\\/g, '');
      return /gives/.test(t) && t;
    }, 'the figure hover with the other side');
    assert.match(text, /\[@ellis2025, para\. 1\] gives \$486 billion/);
    const diagnostics = await waitForDiagnostics(memo);
    const note = diagnostics.find((d) => d.code === 'one-sided-conflict' || (typeof d.code === 'object' && d.code.value === 'one-sided-conflict'));
    assert.ok(note, diagnostics.map((d) => d.message).join('\n'));
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
  });
});
