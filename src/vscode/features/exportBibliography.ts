import * as vscode from 'vscode';
import { cslWarnings, sourcesToCslJson } from '../../core/export/csl';
import { addBibliography, relativePath } from '../../core/frontMatterEdit';
import type { SourceIndexFeature } from './sourceIndex';
import { ensureTrusted, insideWorkspace } from './workspaceTrust';

const DEFAULT_FILE = 'sources.json';

/** Writes CSL-JSON of every source and links memos to it; the same file `claimdesk export` writes. */
export class BibliographyFeature implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly sources: SourceIndexFeature) {
    this.disposables.push(
      vscode.commands.registerCommand('claimdesk.exportBibliography', () => this.exportCommand()),
      vscode.commands.registerCommand('claimdesk.addBibliography', (uri?: vscode.Uri) => this.addCommand(uri)),
    );
  }

  /** Where the CSL-JSON goes for a memo (or the first workspace folder): `claimdesk.bibliography`, relative to the folder. */
  bibliographyUri(scope?: vscode.Uri): vscode.Uri | undefined {
    const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const file = vscode.workspace.getConfiguration('claimdesk', scope).get<string>('bibliography') || DEFAULT_FILE;
    return vscode.Uri.joinPath(folder.uri, ...file.split(/[\\/]/).filter(Boolean));
  }

  /** Writes the CSL-JSON of every indexed source; returns where. */
  async export(scope?: vscode.Uri): Promise<vscode.Uri | undefined> {
    await this.sources.ready;
    const target = this.bibliographyUri(scope);
    if (!target) return undefined;
    if (!(await ensureTrusted('export the bibliography'))) return undefined;
    // The setting may hold `..`: never write outside the workspace folder it belongs to.
    if (!insideWorkspace(target)) {
      void vscode.window.showErrorMessage(`Claimdesk: the bibliography path ${target.path} is outside the workspace; set claimdesk.bibliography to a path inside it.`);
      return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(sourcesToCslJson(this.sources.index.sources())));
    return target;
  }

  /** The path a memo's front matter should name: relative to the memo when both are in one file system. */
  pathFromMemo(memo: vscode.Uri, bibliography: vscode.Uri): string {
    if (memo.scheme !== bibliography.scheme || memo.authority !== bibliography.authority) return bibliography.scheme === 'file' ? bibliography.fsPath : bibliography.toString();
    return relativePath(memo.path.slice(0, memo.path.lastIndexOf('/')), bibliography.path);
  }

  /** Whether a memo's front matter already names the exported bibliography. */
  hasBibliography(document: vscode.TextDocument): boolean {
    const target = this.bibliographyUri(document.uri);
    return !!target && addBibliography(document.getText(), this.pathFromMemo(document.uri, target)).kind === 'unchanged';
  }

  private async exportCommand(): Promise<void> {
    const scope = vscode.window.activeTextEditor?.document.uri;
    const target = await this.export(scope);
    if (!target) {
      // Untrusted or outside-the-workspace targets were already explained by export().
      if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showWarningMessage('Claimdesk: open a workspace folder to export its sources as CSL-JSON.');
      return;
    }
    const memo = vscode.window.activeTextEditor?.document;
    const add = 'Add to this memo';
    const offer = memo?.languageId === 'markdown' && !this.sources.index.get(memo.uri.toString()) && !this.hasBibliography(memo) ? [add] : [];
    const incomplete = cslWarnings(this.sources.index.sources());
    const done = `Claimdesk: ${this.sources.index.size} sources exported to ${vscode.workspace.asRelativePath(target)} (CSL-JSON).`;
    let choice: string | undefined;
    if (incomplete.length) {
      // pandoc would print a bare key or "n.d." for these: say which, and how to fill them in.
      const keys = incomplete.slice(0, 3).map((w) => `@${w.citekey} (${w.missing.map((m) => (m === 'title' ? 'title' : 'date')).join(', ')})`).join('; ');
      const more = incomplete.length > 3 ? ` and ${incomplete.length - 3} more` : '';
      choice = await vscode.window.showWarningMessage(`${done} ${incomplete.length} lack a title or date: ${keys}${more}. Set title: and issued: in their sidecars (Create Sidecar for This Source).`, ...offer);
    } else choice = await vscode.window.showInformationMessage(done, ...offer);
    if (choice === add && memo) await this.addCommand(memo.uri);
  }

  /** Exports the bibliography, then names it in the memo's front matter (one minimal edit). */
  async addCommand(uri?: vscode.Uri): Promise<boolean> {
    const memoUri = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!memoUri) {
      void vscode.window.showWarningMessage('Claimdesk: open a memo to add the bibliography to.');
      return false;
    }
    const document = await vscode.workspace.openTextDocument(memoUri);
    const target = await this.export(memoUri);
    if (!target) return false;
    const result = addBibliography(document.getText(), this.pathFromMemo(memoUri, target));
    if (result.kind === 'error') {
      void vscode.window.showErrorMessage(`Claimdesk: ${result.message}`);
      return false;
    }
    if (result.kind === 'unchanged') return true;
    const edit = new vscode.WorkspaceEdit();
    const { start, end, newText } = result.edit;
    edit.replace(memoUri, new vscode.Range(document.positionAt(start), document.positionAt(end)), newText);
    return vscode.workspace.applyEdit(edit);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function registerExportBibliography(sources: SourceIndexFeature): BibliographyFeature {
  return new BibliographyFeature(sources);
}
