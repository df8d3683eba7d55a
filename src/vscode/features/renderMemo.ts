import * as vscode from 'vscode';
import { outputName, pandocArgs, pandocFailure } from '../../core/memo/pandoc';
import type { BibliographyFeature } from './exportBibliography';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The executable does not exist. */
  notFound?: boolean;
}

/** Runs a program; only the Node host (desktop) can, so only it provides one. */
export type ProcessRunner = (command: string, args: string[], cwd: string) => Promise<ProcessResult>;

const PANDOC_SITE = 'https://pandoc.org/installing.html';

/** `claimdesk.renderMemo`: the memo to .docx with `pandoc --citeproc` and the exported CSL-JSON. */
export function registerRenderMemo(bibliography: BibliographyFeature, run: ProcessRunner | undefined): vscode.Disposable {
  const output = vscode.window.createOutputChannel('Claimdesk: pandoc');
  const command = vscode.commands.registerCommand('claimdesk.renderMemo', async (uri?: vscode.Uri) => {
    const memoUri = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!run) {
      void vscode.window.showInformationMessage(
        'Claimdesk: rendering a memo to Word runs pandoc, which needs desktop VS Code. Open this folder there, or run "claimdesk export --sources sources --out sources.json" and "pandoc memo.md --citeproc --bibliography sources.json -o memo.docx".',
      );
      return undefined;
    }
    if (!memoUri || memoUri.scheme !== 'file') {
      void vscode.window.showWarningMessage('Claimdesk: open a memo saved on disk to render it.');
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Claimdesk runs pandoc only in a trusted workspace.');
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(memoUri);
    if (document.isDirty) await document.save();
    const bib = await bibliography.export(memoUri);
    if (!bib) return undefined;
    const folder = vscode.Uri.joinPath(memoUri, '..').fsPath;
    const memoFile = memoUri.path.slice(memoUri.path.lastIndexOf('/') + 1);
    const outFile = outputName(memoFile);
    const pandocPath = vscode.workspace.getConfiguration('claimdesk').get<string>('pandocPath') || 'pandoc';
    const args = pandocArgs(document.getText(), { memoFile, outFile, bibliography: bibliography.pathFromMemo(memoUri, bib) });
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Claimdesk: rendering with pandoc' }, () => run(pandocPath, args, folder));
    output.appendLine(`$ ${pandocPath} ${args.join(' ')}`);
    if (result.stderr.trim()) output.appendLine(result.stderr.trimEnd());
    const failure = pandocFailure(result, pandocPath);
    if (failure) {
      const get = 'Get pandoc';
      const choice = await vscode.window.showErrorMessage(`Claimdesk: ${failure}`, ...(result.notFound ? [get] : []));
      if (choice === get) void vscode.env.openExternal(vscode.Uri.parse(PANDOC_SITE));
      return undefined;
    }
    const outUri = vscode.Uri.joinPath(memoUri, '..', outFile);
    const warned = /\[WARNING\]|not found/i.test(result.stderr);
    const reveal = 'Reveal';
    const show = warned ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(`Claimdesk: rendered ${outFile}${warned ? ' with warnings (see the "Claimdesk: pandoc" output)' : ''}.`, reveal).then((choice) => {
      if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', outUri);
    });
    if (warned) output.show(true);
    return outUri;
  });
  return vscode.Disposable.from(command, output);
}
