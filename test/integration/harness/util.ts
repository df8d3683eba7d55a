// Helpers shared by every integration spec. They run in both extension hosts (web worker and
// Node), so they use only the `vscode` API: no Node built-ins.
import * as vscode from 'vscode';
import type { ClaimdeskApi } from '../../../src/vscode/extension.shared';

export const extensionId = 'claimdesk.claimdesk';

/** Activates Claimdesk (once per host) and waits until its first scan of the workspace finished. */
export async function activateClaimdesk(timeoutMs = 20_000): Promise<ClaimdeskApi> {
  const extension = vscode.extensions.getExtension<ClaimdeskApi>(extensionId);
  if (!extension) throw new Error(`Extension ${extensionId} is not installed in this host.`);
  const api = await withTimeout(extension.activate(), timeoutMs, `activating ${extensionId}`);
  await withTimeout(api.ready, timeoutMs, 'the first source scan (api.ready)');
  return api;
}

/** The single folder the test runs open (a temporary copy of `sample/`). */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration run opened no workspace folder.');
  return folder;
}

/** URI of a file of the test workspace, e.g. `workspaceUri('sources/seed-article.txt')`. */
export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relativePath.split('/'));
}

/** The path string the source index uses as the key of a workspace file. */
export function indexPath(relativePath: string): string {
  return workspaceUri(relativePath).toString();
}

export const seedSource = 'sources/seed-article.txt';
export const sampleMemo = 'memos/land-for-ceasefire.md';

/** Opens a workspace file in an editor and returns the editor. */
export async function openInEditor(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Opens the sample memo (or another memo under `memos/`) in an editor. */
export function openMemo(name = 'land-for-ceasefire.md'): Promise<vscode.TextEditor> {
  return openInEditor(`memos/${name}`);
}

export interface PositionOptions {
  /** Which occurrence, 1-based (default 1). */
  occurrence?: number;
  /** Characters into the found text (default 0, its start). Use `text.length` for its end. */
  offset?: number;
}

/** Position of (a point inside) a given text in a document; throws when the text is absent. */
export function positionOf(document: vscode.TextDocument, text: string, options: PositionOptions = {}): vscode.Position {
  const content = document.getText();
  const occurrence = options.occurrence ?? 1;
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = content.indexOf(text, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(text)} occurs fewer than ${occurrence} time(s) in ${document.uri.toString()}.`);
  }
  return document.positionAt(index + (options.offset ?? 0));
}

/** Range covering an occurrence of a text in a document. */
export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 1): vscode.Range {
  const start = positionOf(document, text, { occurrence });
  return new vscode.Range(start, document.positionAt(document.offsetAt(start) + text.length));
}

/**
 * Polls until `probe` returns a value other than undefined/false (diagnostics, index updates
 * and tree refreshes arrive asynchronously), or fails with `what` after the timeout.
 */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await sleep(intervalMs);
  }
}

/** Diagnostics of a workspace file once at least `min` are published (default 1). */
export function waitForDiagnostics(relativePath: string, min = 1, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  const uri = workspaceUri(relativePath);
  return waitFor(() => {
    const found = vscode.languages.getDiagnostics(uri);
    return found.length >= min ? found : undefined;
  }, `${min}+ diagnostics on ${relativePath}`, timeoutMs);
}

/** Writes a (new or existing) workspace file; the test workspace is a throwaway copy. */
export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withTimeout<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      Promise.resolve(promise),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}.`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes every editor, so one spec's open documents do not leak into the next. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Reverts every document with unsaved changes, then closes all editors. The runner calls this after
 * each spec file; a spec calls it itself to reset between its own tests.
 */
export async function revertAndCloseAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    // An untitled document has nothing on disk to revert to: close it without saving.
    await vscode.commands.executeCommand(document.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
  }
  await closeAllEditors();
}
