import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ClaimsTreeProvider } from '../../src/vscode/features/treeView';
import { activateClaimdesk, indexPath, openMemo, sampleMemo, seedSource } from './harness/util';

type TreeNode = Parameters<ClaimsTreeProvider['getTreeItem']>[0];

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Every node down to `depth` levels with its tree item, as the view would expand them. */
async function walk(provider: ClaimsTreeProvider, depth = 5): Promise<Array<{ node: TreeNode; item: vscode.TreeItem }>> {
  const out: Array<{ node: TreeNode; item: vscode.TreeItem }> = [];
  let level = provider.getChildren();
  for (let d = 0; d < depth && level.length; d++) {
    const next: TreeNode[] = [];
    for (const node of level) {
      const item = provider.getTreeItem(node);
      out.push({ node, item });
      if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) next.push(...provider.getChildren(node));
    }
    level = next;
  }
  return out;
}

// The runner clears the filter and groups by kind again before each test.
describe('Claimdesk Sources view commands', () => {
  it('groups claims by speaker, and shows entities across sources with what they said', async () => {
    const api = await activateClaimdesk();
    await vscode.commands.executeCommand('claimdesk.groupBy', 'speaker');
    const bySpeaker = await walk(api.sourcesTree, 3);
    const groups = bySpeaker.filter(({ node }) => node.kind === 'claimGroup').map(({ item }) => labelOf(item));
    assert.ok(groups.includes('Donald Trump'), groups.join(', '));
    assert.equal(groups[groups.length - 1], 'author');

    await vscode.commands.executeCommand('claimdesk.groupBy', 'entity');
    const byEntity = await walk(api.sourcesTree, 4);
    const trump = byEntity.find(({ node, item }) => node.kind === 'workspaceEntity' && labelOf(item) === 'Donald Trump');
    assert.ok(trump, byEntity.map(({ item }) => labelOf(item)).join(', '));
    const saidBy = byEntity.find(({ item }) => labelOf(item) === 'Said by Donald Trump');
    assert.ok(saidBy && Number(saidBy.item.description) > 0);
  });

  it('filters to the claims and figures matching every word', async () => {
    const api = await activateClaimdesk();
    await vscode.commands.executeCommand('claimdesk.filterTree', 'world bank');
    const items = await walk(api.sourcesTree, 5);
    const claims = items.filter(({ item }) => item.contextValue === 'claimdesk.claim').map(({ item }) => labelOf(item));
    assert.ok(claims.length >= 1 && claims.every((c) => /world bank/i.test(c)), claims.join(' | '));
    const figures = items.filter(({ item }) => item.contextValue === 'claimdesk.figure').map(({ item }) => labelOf(item));
    assert.equal(figures.length, 1, figures.join(' | '));
    assert.ok(figures[0].startsWith('US$524 billion'), figures[0]);
  });

  it('counts what the filter shows, and the grouping shows in the view', async () => {
    const api = await activateClaimdesk();
    const countsOf = async () => {
      const items = await walk(api.sourcesTree, 5);
      const sections = items.filter(({ node }) => node.kind === 'section');
      return sections.map(({ node, item }) => {
        const rows = items.filter((x) => x.node.kind === (labelOf(item) === 'Claims' ? 'claim' : labelOf(item) === 'Figures' ? 'figure' : 'entity') && 'doc' in x.node && 'doc' in node && x.node.doc === node.doc).length;
        return { section: labelOf(item), shown: Number(item.description), rows };
      });
    };
    const before = await countsOf();
    const claimsBefore = before.find((c) => c.section === 'Claims')!.shown;
    await vscode.commands.executeCommand('claimdesk.filterTree', 'world bank');
    const after = await countsOf();
    assert.ok(after.length > 0);
    for (const c of after) if (c.section !== 'Entities') assert.equal(c.shown, c.rows, `${c.section} says ${c.shown} with ${c.rows} rows shown`);
    const claimsAfter = after.find((c) => c.section === 'Claims')!.shown;
    assert.ok(claimsAfter > 0 && claimsAfter < claimsBefore, `Claims ${claimsBefore} → ${claimsAfter}`);
    assert.equal(api.sourcesTree.model.describe(), 'claims by kind · filter: world bank');
  });

  it('a figure node goes to its source span, finds its citations and inserts its citation into the memo', async () => {
    const api = await activateClaimdesk();
    await vscode.commands.executeCommand('claimdesk.filterTree', 'world bank');
    const figure = (await walk(api.sourcesTree, 5)).find(({ item }) => item.contextValue === 'claimdesk.figure')!.node;

    // goToSource resolves once the source is shown (showTextDocument), so it is the active editor now.
    await vscode.commands.executeCommand('claimdesk.goToSource', figure);
    const source = vscode.window.activeTextEditor;
    assert.equal(source?.document.uri.toString(), indexPath(seedSource), 'the source is not in the active editor');
    assert.equal(source.document.getText(source.selection), 'US$524 billion');

    const locations = await vscode.commands.executeCommand<vscode.Location[]>('claimdesk.findCitations', figure);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(locations.filter((l) => l.uri.toString() === indexPath(sampleMemo)).length, 1);

    const memo = await openMemo();
    await memo.edit((b) => b.insert(memo.document.lineAt(memo.document.lineCount - 1).range.end, '\nFrom the tree: '));
    const line = memo.document.lineCount - 1;
    memo.selection = new vscode.Selection(memo.document.lineAt(line).range.end, memo.document.lineAt(line).range.end);
    await vscode.commands.executeCommand('claimdesk.insertCitationFromTree', figure);
    assert.equal(memo.document.lineAt(line).text, 'From the tree: [@borodyna2025, para. 19]');
  });
});
