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

/** How long a wait may take before it fails, saying what it waited for and what it saw. A safety net only. */
export const WAIT_LIMIT_MS = 20_000;

/**
 * Resolves with `probe()` once it returns a value other than undefined/false: checked now and each
 * time one of `events` fires (never on a timer). After `timeoutMs` it fails with `what` was awaited
 * and `seen()`, a description of the state at that moment.
 */
export function until<T>(events: ReadonlyArray<vscode.Event<unknown>>, probe: () => T | undefined | false, what: string, seen: () => string, timeoutMs = WAIT_LIMIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      outcome();
    };
    const check = () => {
      if (done) return;
      try {
        const value = probe();
        if (value !== undefined && value !== false) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const timer = setTimeout(() => {
      let state: string;
      try {
        state = seen();
      } catch (error) {
        state = `(could not describe it: ${error instanceof Error ? error.message : String(error)})`;
      }
      finish(() => reject(new Error(`Waited ${timeoutMs} ms for ${what}; saw ${state}.`)));
    }, timeoutMs);
    for (const event of events) subscriptions.push(event(check));
    check();
  });
}

/** What the index holds, for failure messages: how many sources, whether it is settled. */
export function describeIndex(api: ClaimdeskApi): string {
  const paths = api.index.sources().map((d) => vscode.workspace.asRelativePath(vscode.Uri.parse(d.path)));
  return `index ${api.work.indexSettled ? 'settled' : 'still working'} with ${paths.length} source(s) [${paths.join(', ')}]`;
}

/**
 * Waits until the index has taken in every file event so far (its own "settled" signal) and
 * `probe` holds, e.g. `untilIndexed(api, () => api.index.get(path), 'the new source')`.
 */
export function untilIndexed<T>(api: ClaimdeskApi, probe: () => T | undefined | false, what: string, timeoutMs = WAIT_LIMIT_MS): Promise<T> {
  return until([api.work.onDidSettle], () => api.work.indexSettled && probe(), what, () => describeIndex(api), timeoutMs);
}

function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.length ? diagnostics.map((d) => `${String(d.code)} at ${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ') : 'none';
}

/**
 * The diagnostics of an open memo once it has been checked at its current version and no check is
 * pending (the memo checks' own "settled" signal), optionally until `accept` holds for them.
 */
export function memoDiagnostics(api: ClaimdeskApi, document: vscode.TextDocument, accept: (diagnostics: vscode.Diagnostic[]) => boolean = () => true, what = 'its check', timeoutMs = WAIT_LIMIT_MS): Promise<vscode.Diagnostic[]> {
  const name = vscode.workspace.asRelativePath(document.uri);
  return until(
    [api.work.onDidSettle],
    () => {
      if (!api.work.settled || api.work.memoCheckedVersion(document.uri) !== document.version) return undefined;
      const found = vscode.languages.getDiagnostics(document.uri);
      return accept(found) ? found : undefined;
    },
    `${name} (version ${document.version}): ${what}`,
    () => `checked version ${api.work.memoCheckedVersion(document.uri) ?? 'none'}, ${api.work.settled ? 'nothing pending' : 'checks pending'}, diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(document.uri))}`,
    timeoutMs,
  );
}

/** A diagnostic with `code` on a workspace file (sources and sidecars: published as the index takes the file in). */
export function diagnosticOn(api: ClaimdeskApi, relativePath: string, code: string, timeoutMs = WAIT_LIMIT_MS): Promise<vscode.Diagnostic> {
  const uri = workspaceUri(relativePath);
  return until(
    [vscode.languages.onDidChangeDiagnostics, api.work.onDidSettle],
    () => api.work.indexSettled && vscode.languages.getDiagnostics(uri).find((d) => d.code === code),
    `a ${code} diagnostic on ${relativePath}`,
    () => `${describeIndex(api)}; diagnostics on ${relativePath}: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
    timeoutMs,
  );
}

/** Writes a (new or existing) workspace file; the test workspace is a throwaway copy. */
export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
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
