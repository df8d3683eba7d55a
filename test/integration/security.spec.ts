import { strict as assert } from 'assert';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { HOVER_COMMANDS } from '../../src/core/render/markdown';
import { sidecarPathFor } from '../../src/core/source';
import { EVIL_COMMAND, HOSTILE_ARTICLE, HOSTILE_CITEKEY, HOSTILE_MEMO, HOSTILE_SIDECAR } from '../fixtures/hostile/article';
import { activateClaimdesk, diagnosticOn, extensionId, indexPath, seedSource, untilIndexed, workspaceUri, writeWorkspaceFile } from './harness/util';

const hostileSource = 'sources/hostile-article.md';
const hostileSidecar = 'sources/hostile-article.claimdesk.yaml';
const hostileMemo = 'memos/hostile-memo.md';
const hostilePlain = 'sources/hostile-plain.txt';

// HTML on: the harshest renderer. VS Code's own hover renderer has HTML off; anything live here
// would be live there too.
const md = new MarkdownIt({ html: true, linkify: true });

/** Fails on any MarkdownString that could run something: trust beyond our commands, HTML, or a live tag/link. */
function assertInert(content: vscode.MarkdownString | vscode.MarkedString | string | undefined, where: string): void {
  if (content === undefined || typeof content === 'string') return; // plain strings are rendered as text
  const value = content instanceof vscode.MarkdownString ? content.value : 'value' in content ? content.value : '';
  if (content instanceof vscode.MarkdownString) {
    const trust = content.isTrusted;
    assert.ok(trust === undefined || trust === false || (typeof trust === 'object' && trust.enabledCommands.every((c) => (HOVER_COMMANDS as readonly string[]).includes(c))), `${where}: isTrusted ${JSON.stringify(trust)}`);
    assert.ok(!content.supportHtml, `${where}: HTML enabled`);
  }
  const html = md.render(value);
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
    const name = m[1].toLowerCase();
    assert.ok(['p', 'em', 'strong', 'blockquote', 'ul', 'li', 'hr', 'a', 'br', 'code'].includes(name), `${where}: live <${name}> in ${value}`);
    if (name === 'code') assert.ok(!/command:|javascript:/.test(html.slice(m.index)), `${where}: code span from the source`);
    if (name === 'a') {
      const command = /href="command:([^?"]+)/.exec(m[2])?.[1];
      assert.ok(command && (HOVER_COMMANDS as readonly string[]).includes(command), `${where}: link ${m[0]} is not to a Claimdesk command`);
    }
  }
  assert.ok(!html.includes(`command:${EVIL_COMMAND}"`), `${where}: the hostile command link survived`);
}

function hoverContents(hovers: vscode.Hover[] | undefined): Array<vscode.MarkdownString | vscode.MarkedString> {
  return (hovers ?? []).flatMap((h) => h.contents);
}

async function readText(relativePath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relativePath)));
}

describe('Security and bad input', function () {
  this.timeout(60_000);
  let api: Awaited<ReturnType<typeof activateClaimdesk>>;

  // Each test starts from the fixture (the runner restores it): the hostile files are written afresh.
  beforeEach(async () => {
    api = await activateClaimdesk();
    await writeWorkspaceFile(hostileSidecar, HOSTILE_SIDECAR);
    await writeWorkspaceFile(hostileSource, HOSTILE_ARTICLE);
    await writeWorkspaceFile(hostileMemo, HOSTILE_MEMO);
    await untilIndexed(api, () => api.index.byCitekey(HOSTILE_CITEKEY), 'the hostile source to be indexed with its sidecar citekey');
  });

  it('declares limited support for untrusted workspaces, with writing commands gated on trust', () => {
    const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON;
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('claimdesk.pandocPath'));
    const writers = ['claimdesk.createSidecar', 'claimdesk.updateSidecar', 'claimdesk.curateClaim', 'claimdesk.curateEntity'];
    for (const command of writers) {
      const entries = Object.values(manifest.contributes.menus as Record<string, Array<{ command: string; when?: string }>>).flat().filter((m) => m.command === command);
      assert.ok(entries.length > 0 && entries.every((m) => m.when?.includes('isWorkspaceTrusted')), `${command} is offered without workspace trust`);
    }
  });

  it('hovers over a memo citing the hostile source show no live link, image, HTML or foreign command', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(hostileMemo));
    await vscode.window.showTextDocument(document);
    const text = document.getText();
    let cards = 0;
    for (let offset = 0; offset < text.length; offset += 3) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
      for (const content of hoverContents(hovers)) {
        assertInert(content, `memo hover at ${offset}`);
        if (typeof content !== 'string' && content.value.includes(HOSTILE_CITEKEY)) cards++;
      }
    }
    assert.ok(cards >= 5, `only ${cards} Claimdesk hover cards over the memo`);
  });

  it('hovers over the hostile source itself (entities, figures) show nothing live', async () => {
    // A .txt copy: in a .md file VS Code's own markdown extension adds hovers (image previews) of its own.
    await writeWorkspaceFile(hostilePlain, HOSTILE_ARTICLE);
    await untilIndexed(api, () => api.index.get(indexPath(hostilePlain)), 'the plain-text hostile source');
    const document = await vscode.workspace.openTextDocument(workspaceUri(hostilePlain));
    await vscode.window.showTextDocument(document);
    const text = document.getText();
    let cards = 0;
    for (let offset = 0; offset < text.length; offset += 4) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
      for (const content of hoverContents(hovers)) {
        assertInert(content, `source hover at ${offset}`);
        if (typeof content !== 'string' && /mention|Attributed/.test(content.value)) cards++;
      }
    }
    assert.ok(cards > 0, 'no Claimdesk hover over the hostile source');
  });

  it('completions of hostile claims document them as inert text', async () => {
    const uri = await writeWorkspaceFile('memos/hostile-completion.md', 'Costs [@hostile\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const at = document.positionAt('Costs [@hostile'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at, '@', 200);
    const ours = list.items.filter((i) => `${i.detail ?? ''} ${typeof i.insertText === 'string' ? i.insertText : (i.insertText?.value ?? '')}`.includes(HOSTILE_CITEKEY));
    assert.ok(ours.length >= 3, `${ours.length} completions for the hostile source`);
    for (const item of ours) if (item.documentation instanceof vscode.MarkdownString) assertInert(item.documentation, `completion ${typeof item.label === 'string' ? item.label : item.label.label}`);
    assert.ok(ours.some((i) => i.documentation instanceof vscode.MarkdownString), 'no completion carries Markdown documentation');
  });

  it('the tree shows hostile titles, claims, speakers and entities as inert text', async () => {
    const provider = api.sourcesTree as vscode.TreeDataProvider<unknown>;
    const doc = api.index.get(indexPath(hostileSource));
    assert.ok(doc);
    let level: unknown[] = (await provider.getChildren()) ?? [];
    let items = 0;
    for (let depth = 0; depth < 6 && level.length; depth++) {
      const next: unknown[] = [];
      for (const node of level) {
        const item = await provider.getTreeItem(node);
        items++;
        const tooltip = item.tooltip;
        if (tooltip instanceof vscode.MarkdownString) assertInert(tooltip, `tree tooltip of ${String(item.label)}`);
        if (item.command) assert.ok(item.command.command.startsWith('claimdesk.') || item.command.command === 'vscode.open', `tree item runs ${item.command.command}`);
        if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) next.push(...((await provider.getChildren(node)) ?? []));
      }
      level = next;
    }
    assert.ok(items > doc.extraction.claims.length, `${items} tree items walked`);
  });

  it('bad sources get a clear diagnostic each and hide nothing else: binary, empty, invalid UTF-8, UTF-16', async () => {
    await vscode.workspace.fs.writeFile(workspaceUri('sources/binary.txt'), new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    await vscode.workspace.fs.writeFile(workspaceUri('sources/latin1.txt'), new Uint8Array([...new TextEncoder().encode('The minister said the caf'), 0xe9, ...new TextEncoder().encode(' deal is likely to fail.\n')]));
    await vscode.workspace.fs.writeFile(workspaceUri('sources/utf16.txt'), new Uint8Array([0xff, 0xfe, ...Array.from('The minister said no.\n').flatMap((c) => [c.charCodeAt(0), 0])]));
    await writeWorkspaceFile('sources/empty.txt', '');
    const binary = await diagnosticOn(api, 'sources/binary.txt', 'binary-source');
    assert.equal(binary.severity, vscode.DiagnosticSeverity.Error);
    assert.match(binary.message, /binary/);
    await diagnosticOn(api, 'sources/latin1.txt', 'invalid-utf8');
    await diagnosticOn(api, 'sources/empty.txt', 'empty-source');
    const utf16 = await untilIndexed(api, () => api.index.get(indexPath('sources/utf16.txt')), 'the UTF-16 source');
    assert.equal(utf16.text, 'The minister said no.\n');
    assert.ok(api.index.get(indexPath(seedSource)), 'the seed source is still indexed');
    assert.ok(api.index.get(indexPath('sources/latin1.txt'))!.extraction.claims.length > 0);
  });

  it('rapid edits end with the last version indexed, and a file deleted right after creation leaves nothing behind', async () => {
    for (let n = 1; n <= 15; n++) await writeWorkspaceFile('sources/rapid.txt', `The minister said version ${n} is final.\n`);
    await writeWorkspaceFile('sources/ghost.txt', 'The ghost said nothing.\n');
    await vscode.workspace.fs.delete(workspaceUri('sources/ghost.txt'));
    // A fence: file events arrive in order and the index takes them in one batch after another, so
    // once the fence is indexed every event of the writes before it has been handled, late reads
    // of older versions included.
    await writeWorkspaceFile('sources/rapid-fence.txt', 'The fence said nothing.\n');
    await untilIndexed(api, () => api.index.get(indexPath('sources/rapid-fence.txt')), 'the fence written after the rapid edits');
    assert.match(api.index.get(indexPath('sources/rapid.txt'))?.text ?? '(not indexed)', /version 15/);
    assert.equal(api.index.get(indexPath('sources/ghost.txt')), undefined);
    assert.ok(api.index.get(indexPath(seedSource)));
  });

  it('a malformed sidecar gets a diagnostic at its line, is never overwritten, and its source is still indexed', async () => {
    const broken = 'title: fine\nauthor: [unclosed\nclaims:\n';
    await writeWorkspaceFile('sources/broken.claimdesk.yaml', broken);
    await writeWorkspaceFile('sources/broken.txt', 'Costs rose by 5% in 2024, the ministry said.\n');
    const diagnostic = await diagnosticOn(api, 'sources/broken.claimdesk.yaml', 'sidecar-yaml');
    assert.ok(diagnostic.range.start.line >= 1, `at line ${diagnostic.range.start.line}`);
    const doc = await untilIndexed(api, () => api.index.get(indexPath('sources/broken.txt')), 'the source of the broken sidecar');
    assert.ok(doc.extraction.claims.length > 0);
    await vscode.commands.executeCommand('claimdesk.curateClaim', { doc, claim: doc.extraction.claims[0] }, { set: { kind: 'fact' } });
    assert.equal(await readText('sources/broken.claimdesk.yaml'), broken, 'a sidecar that does not parse was overwritten');
  });

  it('curating writes the sidecar atomically, keeps its comments and unknown keys, and a repeat changes no byte', async () => {
    const doc = api.index.get(indexPath(hostileSource));
    assert.ok(doc);
    const claim = doc.extraction.claims.find((c) => c.paragraph === 2)!;
    await vscode.commands.executeCommand('claimdesk.curateClaim', { doc, claim }, { set: { kind: 'recommendation', note: 'checked' } });
    const written = await readText(hostileSidecar);
    assert.match(written, /^# Hostile sidecar/);
    assert.match(written, /x-unknown: kept/);
    assert.match(written, new RegExp(`${claim.id.replace('.', '\\.')}:\\n {4}text: .+\\n {4}kind: recommendation\\n {4}note: checked`));
    const curated = await untilIndexed(api, () => api.index.get(indexPath(hostileSource))?.extraction.claims.find((c) => c.id === claim.id && c.kind === 'recommendation'), 'the curated claim in the index');
    assert.deepEqual(curated.curated, ['kind', 'note']);
    await vscode.commands.executeCommand('claimdesk.curateClaim', { doc, claim }, { set: { kind: 'recommendation', note: 'checked' } });
    assert.equal(await readText(hostileSidecar), written);
    const leftovers = (await vscode.workspace.fs.readDirectory(workspaceUri('sources'))).filter(([name]) => name.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  it('Create Sidecar writes a documented sidecar only where none exists', async () => {
    await writeWorkspaceFile('sources/fresh.txt', 'By Jane Roe\n\nThe agency said exports fell 12% in 2024.\n');
    const doc = await untilIndexed(api, () => api.index.get(indexPath('sources/fresh.txt')), 'the fresh source');
    await vscode.commands.executeCommand('claimdesk.createSidecar', vscode.Uri.parse(doc.path));
    const sidecar = vscode.Uri.parse(sidecarPathFor(doc.path));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar));
    assert.match(text, /^# Claimdesk sidecar for fresh\.txt/);
    assert.match(text, /citekey: /);
    // Every field the citation needs: the inferred author, and title and date to fill in.
    assert.match(text, /^author: Jane Roe$/m);
    assert.match(text, /^title:/m);
    assert.match(text, /^issued:/m);
    const edited = text + 'x-mine: keep me\n';
    await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(edited));
    await vscode.commands.executeCommand('claimdesk.createSidecar', vscode.Uri.parse(doc.path));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar)), edited, 'an existing sidecar was overwritten');
  });
});
