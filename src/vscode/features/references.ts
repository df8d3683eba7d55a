import * as vscode from 'vscode';
import type { Claim, Figure, SourceDoc } from '../../core/model';
import type { CatalogCache } from '../../core/services/catalog';
import { citationsOf, referenceTargetInMemo, referenceTargetInSource, type ReferenceTarget } from '../../core/services/references';
import { SOURCES_AND_MEMOS } from './positions';

/** Text of every markdown memo of the workspace (open editors' unsaved text first), sources excluded. */
async function memoTexts(catalog: CatalogCache, token?: vscode.CancellationToken): Promise<Array<{ uri: vscode.Uri; text: string; document?: vscode.TextDocument }>> {
  const cat = catalog.get();
  const open = new Map(vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown').map((d) => [d.uri.toString(), d]));
  const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', undefined, token);
  for (const d of open.values()) if (!uris.some((u) => u.toString() === d.uri.toString())) uris.push(d.uri);
  const out = [];
  for (const uri of uris) {
    if (cat.sourceAt(uri.toString())) continue;
    const document = open.get(uri.toString());
    if (document) {
      out.push({ uri, text: document.getText(), document });
      continue;
    }
    try {
      out.push({ uri, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
    } catch {
      // deleted since the search: nothing to report in it
    }
  }
  return out;
}

/** Locations of every memo citation of a target. */
export async function findCitationLocations(catalog: CatalogCache, target: ReferenceTarget, token?: vscode.CancellationToken): Promise<vscode.Location[]> {
  const locations: vscode.Location[] = [];
  for (const memo of await memoTexts(catalog, token)) {
    const ranges = citationsOf(memo.text, target);
    if (!ranges.length) continue;
    const document = memo.document ?? (await vscode.workspace.openTextDocument(memo.uri));
    for (const r of ranges) locations.push(new vscode.Location(memo.uri, new vscode.Range(document.positionAt(r.start), document.positionAt(r.end))));
  }
  return locations;
}

/** A reference target from a command argument: a tree node ({doc, claim?, figure?}) or a {citekey, paragraphs} object. */
function targetFromArg(arg: unknown): ReferenceTarget | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as { doc?: SourceDoc; claim?: Claim; figure?: Figure; citekey?: unknown; paragraphs?: unknown };
  if (a.doc) {
    const paragraph = a.figure?.paragraph ?? a.claim?.paragraph;
    return { citekey: a.doc.citekey, paragraphs: paragraph !== undefined ? [paragraph] : undefined };
  }
  if (typeof a.citekey === 'string') return { citekey: a.citekey, paragraphs: Array.isArray(a.paragraphs) ? a.paragraphs.filter((n): n is number => typeof n === 'number') : undefined };
  return undefined;
}

/** Find All References on a source, claim or figure (in the source) or on a citation (in a memo), plus `claimdesk.findCitations`. */
export function registerReferences(catalog: CatalogCache): vscode.Disposable {
  const provider = vscode.languages.registerReferenceProvider(SOURCES_AND_MEMOS, {
    async provideReferences(document, position, _context, token) {
      const cat = catalog.get();
      const source = cat.sourceAt(document.uri.toString());
      const offset = document.offsetAt(position);
      const target = source ? referenceTargetInSource(cat, source, offset) : document.languageId === 'markdown' ? referenceTargetInMemo(document.getText(), offset) : undefined;
      return target ? findCitationLocations(catalog, target, token) : undefined;
    },
  });
  const command = vscode.commands.registerCommand('claimdesk.findCitations', async (arg?: unknown) => {
    let target = targetFromArg(arg);
    const editor = vscode.window.activeTextEditor;
    if (!target && editor) {
      const cat = catalog.get();
      const source = cat.sourceAt(editor.document.uri.toString());
      const offset = editor.document.offsetAt(editor.selection.active);
      target = source ? referenceTargetInSource(cat, source, offset) : referenceTargetInMemo(editor.document.getText(), offset);
    }
    if (!target) {
      void vscode.window.showInformationMessage('Claimdesk: select a source, claim or figure (in the tree or a source), or put the cursor on a citation.');
      return [];
    }
    const locations = await findCitationLocations(catalog, target);
    const what = `@${target.citekey}${target.paragraphs?.length ? `, para. ${target.paragraphs.join(', ')}` : ''}`;
    if (!locations.length) {
      void vscode.window.showInformationMessage(`Claimdesk: no memo cites ${what}.`);
      return locations;
    }
    const picks = await Promise.all(
      locations.map(async (location) => {
        const document = await vscode.workspace.openTextDocument(location.uri);
        return { label: document.lineAt(location.range.start.line).text.trim(), description: `${vscode.workspace.asRelativePath(location.uri)}:${location.range.start.line + 1}`, location };
      }),
    );
    // Shown before the command returns (a caller that closes it right away really closes it).
    const quickPick = vscode.window.createQuickPick<(typeof picks)[number]>();
    quickPick.title = `Citations of ${what} in memos (${locations.length})`;
    quickPick.matchOnDescription = true;
    quickPick.items = picks;
    quickPick.onDidAccept(() => {
      const pick = quickPick.selectedItems[0];
      quickPick.hide();
      if (pick) void vscode.window.showTextDocument(pick.location.uri, { selection: pick.location.range });
    });
    quickPick.onDidHide(() => quickPick.dispose());
    quickPick.show();
    return locations;
  });
  return vscode.Disposable.from(provider, command);
}
