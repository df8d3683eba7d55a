import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateClaimdesk, indexPath, seedSource } from './harness/util';

/** Every item under `parent` (the roots when undefined), down to `depth` levels, expanding as the view would. */
async function walkTree<T>(provider: vscode.TreeDataProvider<T>, depth: number, parent?: T): Promise<Array<{ node: T; item: vscode.TreeItem }>> {
  const found: Array<{ node: T; item: vscode.TreeItem }> = [];
  let level: T[] = (await provider.getChildren(parent)) ?? [];
  for (let d = 0; d < depth && level.length; d++) {
    const next: T[] = [];
    for (const node of level) {
      const item = await provider.getTreeItem(node);
      found.push({ node, item });
      if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) next.push(...((await provider.getChildren(node)) ?? []));
    }
    level = next;
  }
  return found;
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Claimdesk tree view', () => {
  it('indexes the seed source of the workspace, with its citekey and claims', async () => {
    const api = await activateClaimdesk();
    const seed = api.index.get(indexPath(seedSource));
    assert.ok(seed, `seed source not indexed; indexed: ${api.index.sources().map((d) => d.path).join(', ') || 'nothing'}`);
    assert.equal(seed.citekey, 'borodyna2025');
    assert.ok(Array.isArray(seed.extraction?.claims), `the indexed seed has no claims array (extraction: ${JSON.stringify(Object.keys(seed.extraction ?? {}))})`);
    assert.ok(seed.extraction.claims.length >= 20, `only ${seed.extraction.claims.length} claims extracted from the seed`);
    assert.ok(['web', 'node'].includes(api.platform));
  });

  it("shows the seed's title and every visible claim in the Sources view", async () => {
    const api = await activateClaimdesk();
    const seed = api.index.get(indexPath(seedSource));
    assert.ok(seed);
    // The seed's own subtree: the assertion does not depend on what else the fixture holds.
    const roots = await walkTree(api.sourcesTree, 1);
    const seedRoot = roots.find(({ item }) => labelOf(item) === seed.meta.title);
    assert.ok(seedRoot, `no root item titled ${JSON.stringify(seed.meta.title)}; roots: ${roots.map(({ item }) => labelOf(item)).join(' | ')}`);
    const items = (await walkTree(api.sourcesTree, 6, seedRoot.node)).map(({ item }) => item);
    const labels = items.map(labelOf);
    const visible = seed.extraction.claims.filter((c) => !c.hidden);
    assert.ok(visible.length > 0);
    // A claim row reads "who · how sure — sentence".
    const missing = visible.filter((c) => !labels.some((l) => l.endsWith(c.text.replace(/\s+/g, ' ').trim())));
    assert.deepEqual(missing.map((c) => c.id), [], 'claims missing from the tree');
    const claimItems = items.filter((i) => i.contextValue === 'claimdesk.claim');
    assert.equal(claimItems.length, visible.length, 'one tree item per visible claim');
  });

  it('contributes the Claimdesk view container, which can be focused', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.claimdesk');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('claimdesk.sources.focus'), 'the claimdesk.sources view is not registered');
    await vscode.commands.executeCommand('claimdesk.sources.focus');
  });
});
