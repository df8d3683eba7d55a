import * as vscode from 'vscode';

const SHOWN_KEY = 'claimdesk.snippetHintShown';

/** Whether quick suggestions show while typing prose in Markdown (VS Code leaves them off there by default). */
function suggestsWhileTyping(): boolean {
  const value = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).get<unknown>('quickSuggestions');
  if (typeof value === 'boolean') return value;
  if (value && typeof value === 'object') return (value as { other?: unknown }).other === true || (value as { other?: unknown }).other === 'on' || (value as { other?: unknown }).other === 'inline';
  return false;
}

/**
 * Once, on the first memo an analyst opens: the memo snippets (`memo`, `cite`, `kj`…) appear as you
 * type only with quick suggestions on for Markdown, which VS Code turns off by default. Says so, with
 * Ctrl+Space as the way to see them; turns suggestions on for Markdown in this workspace only when
 * asked. Citation completion after `@` needs none of this.
 */
export function registerSnippetHint(context: vscode.ExtensionContext, ready: Promise<void>, isMemo: (document: vscode.TextDocument) => boolean): vscode.Disposable {
  let asked = false;
  const consider = async (editor: vscode.TextEditor | undefined): Promise<void> => {
    if (asked || !editor || context.globalState.get(SHOWN_KEY) || !isMemo(editor.document) || suggestsWhileTyping()) return;
    asked = true;
    await context.globalState.update(SHOWN_KEY, true);
    const turnOn = 'Turn On for Markdown in This Workspace';
    const choice = await vscode.window.showInformationMessage(
      'Claimdesk: memo snippets (memo, cite, figure, quote, kj) show as you type only when quick suggestions are on for Markdown, which VS Code leaves off. Press Ctrl+Space to see them, or turn suggestions on.',
      turnOn,
    );
    if (choice !== turnOn) return;
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await config.update('quickSuggestions', { other: 'on', comments: 'off', strings: 'off' }, vscode.ConfigurationTarget.Workspace, true);
  };
  // Until the first scan, a source in markdown would look like a memo.
  let scanned = false;
  void ready.then(() => {
    scanned = true;
    void consider(vscode.window.activeTextEditor);
  });
  return vscode.window.onDidChangeActiveTextEditor((e) => {
    if (scanned) void consider(e);
  });
}
