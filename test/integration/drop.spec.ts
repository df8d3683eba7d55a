import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { CITATION_MIME, CitationDragController, CitationDropProvider } from '../../src/vscode/features/drop';
import { activateClaimdesk, openMemo } from './harness/util';

type TreeNode = Parameters<typeof import('../../src/vscode/features/treeView').ClaimsTreeProvider.prototype.getTreeItem>[0];

/** Claim nodes of the Sources view, as the view itself gets them. */
async function claimNodes(provider: vscode.TreeDataProvider<TreeNode>): Promise<TreeNode[]> {
  const out: TreeNode[] = [];
  let level = (await provider.getChildren()) ?? [];
  for (let depth = 0; depth < 4 && level.length; depth++) {
    const next: TreeNode[] = [];
    for (const node of level) {
      if ((await provider.getTreeItem(node)).contextValue === 'claimdesk.claim') out.push(node);
      next.push(...((await provider.getChildren(node)) ?? []));
    }
    level = next;
  }
  return out;
}

describe('Claimdesk drag and drop', () => {
  it('a quote claim dragged from the tree drops its quote and citation into a memo', async () => {
    const api = await activateClaimdesk();
    const tree = api.sourcesTree;
    const nodes = await claimNodes(tree);
    const quote = nodes.find((n) => n.kind === 'claim' && n.claim.kind === 'quote' && n.claim.text.includes('largely agreed'));
    assert.ok(quote && quote.kind === 'claim', 'no quote claim "largely agreed" in the tree');

    const dataTransfer = new vscode.DataTransfer();
    new CitationDragController<TreeNode>((n) => tree.targetOf(n)).handleDrag([quote], dataTransfer);
    assert.ok(dataTransfer.get(CITATION_MIME), `the drag carries no ${CITATION_MIME}`);

    const editor = await openMemo();
    const line = editor.document.lineCount - 1;
    const at = editor.document.lineAt(line).range.end;
    const edit = await new CitationDropProvider().provideDocumentDropEdits(editor.document, at, dataTransfer);
    assert.ok(edit, 'the drop provider offered no edit');
    const text = typeof edit.insertText === 'string' ? edit.insertText : edit.insertText.value;
    await editor.edit((b) => b.insert(at, text));
    assert.match(editor.document.lineAt(line).text, /“Those are points that we largely agreed on\.?” \[@borodyna2025, para\. 4\]$/);
  });

  it('the drop provider ignores drops that carry no Claimdesk citation', async () => {
    const editor = await openMemo();
    const other = new vscode.DataTransfer();
    other.set('text/plain', new vscode.DataTransferItem('plain'));
    assert.equal(await new CitationDropProvider().provideDocumentDropEdits(editor.document, new vscode.Position(0, 0), other), undefined);
  });
});
