import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ClaimdeskApi } from '../../src/vscode/extension.shared';
import { EVIDENCE_MEMO, EVIDENCE_SOURCES } from './fixtures/evidence';
import { activateClaimdesk, indexPath, memoDiagnostics, openInEditor, positionOf, untilIndexed, writeWorkspaceFile } from './harness/util';

const memo = 'memos/evidence-memo.md';

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

// The two disagreeing sources are not part of the fixture (the sample workspace would then show a
// conflict to every other spec and to anyone trying the sample): each test writes them afresh and
// the runner removes them before the next. They go straight into sources/, a folder watched since
// the start: in the Node host the file watcher (@parcel/watcher's inotify backend) can miss a file
// written into a folder created just before it (parcel-bundler/watcher#243).
describe('Claimdesk evidence across sources', () => {
  let api: ClaimdeskApi;
  beforeEach(async () => {
    api = await activateClaimdesk();
    for (const [path, text] of Object.entries(EVIDENCE_SOURCES)) await writeWorkspaceFile(path, text);
    await writeWorkspaceFile(memo, EVIDENCE_MEMO);
    await untilIndexed(api, () => Object.keys(EVIDENCE_SOURCES).every((p) => api.index.get(indexPath(p))), 'the two evidence sources to be indexed');
  });

  it('the Sources view has a Conflicts section with both figures', async () => {
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
    const { document } = await openInEditor(memo);
    const at = positionOf(document, '$524 billion', { offset: 2 });
    // Both sources are indexed (beforeEach): the hover is computed from the index as it is now.
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at)).replace(/\\/g, '');
    assert.match(text, /\[@ellis2025, para\. 1\] gives \$486 billion/, text);
    const diagnostics = await memoDiagnostics(api, document);
    const note = diagnostics.find((d) => codeOf(d) === 'one-sided-conflict');
    assert.ok(note, diagnostics.map((d) => d.message).join('\n'));
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
  });
});
