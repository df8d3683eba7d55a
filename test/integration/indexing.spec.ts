import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateClaimdesk, indexPath, untilIndexed, workspaceUri, writeWorkspaceFile } from './harness/util';

const COUNT = 24;
const name = (i: number) => `sources/bulk/item-${String(i).padStart(2, '0')}.md`;
const article = (i: number) =>
  `---\ntitle: "Bulk item ${i}"\nauthor: Ada Bulkwriter\nissued: 2024-03-0${1 + (i % 9)}\n---\n\nThe ministry said ${100 + i} drones were intercepted overnight.\n\nOfficials expect more attacks in the coming weeks.\n`;

// Many files arriving at once (a checkout, an unzip) go through the batched path of the source
// index; files deleted right after being written must not linger in the index.
describe('Claimdesk source indexing', () => {
  it('indexes a burst of new sources, disambiguates their citekeys, and drops the ones deleted at once', async () => {
    const api = await activateClaimdesk();
    const before = api.index.size;
    await Promise.all(Array.from({ length: COUNT }, (_, i) => writeWorkspaceFile(name(i), article(i))));
    const all = await untilIndexed(api, () => {
      const docs = Array.from({ length: COUNT }, (_, i) => api.index.get(indexPath(name(i))));
      return docs.every(Boolean) ? docs : undefined;
    }, `${COUNT} new sources in the index`);
    assert.equal(api.index.size, before + COUNT);
    const keys = new Set(all.map((d) => d!.citekey));
    assert.equal(keys.size, COUNT, `citekeys are not unique: ${[...keys].join(', ')}`);
    assert.ok(all.every((d) => d!.citekey.startsWith('bulkwriter2024')), `unexpected citekeys: ${[...keys].join(', ')}`);
    assert.ok(all[0]!.extraction.claims.length >= 2);

    const doomed = [0, 5, 11];
    await Promise.all(doomed.map((i) => vscode.workspace.fs.delete(workspaceUri(name(i)))));
    await untilIndexed(api, () => doomed.every((i) => !api.index.get(indexPath(name(i)))), 'deleted sources leaving the index');
    assert.equal(api.index.size, before + COUNT - doomed.length);
    for (let i = 0; i < COUNT; i++) if (!doomed.includes(i)) assert.equal(api.index.byCitekey(api.index.get(indexPath(name(i)))!.citekey)?.path, indexPath(name(i)));

    // A deleted folder is one watcher event for the folder alone: its sources must leave too.
    await vscode.workspace.fs.delete(workspaceUri('sources/bulk'), { recursive: true });
    await untilIndexed(api, () => api.index.size === before, 'the bulk sources leaving the index');
  });
});
