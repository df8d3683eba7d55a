import * as vscode from 'vscode';

const SHOWN_KEY = 'claimdesk.snippetHintShown';

/** Whether quick suggestions show while typing prose in Markdown (VS Code leaves them off there by default). */
function suggestsWhileTyping(): boolean {
  const value = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).get<unknown>('quickSuggestions');
  if (typeof value === 'boolean') return value;
  if (value && typeof value === 'object') return (value as { other?: unknown }).other === true || (value as { other?: unknown }).other === 'on' || (value as { other?: unknown }).other === 'inline';
  return false;
}

/** The snippets' prefixes (snippets/markdown.code-snippets): typing one alone on a line is asking for it. */
const PREFIX_LINE = /^\s*(?:memo|cite|figure|quote|judgment|kj)$/;

/**
 * Once, when an analyst first types a snippet's prefix alone on a line of a memo (when the snippet
 * was expected): the memo snippets show as you type only with quick suggestions on for Markdown,
 * which VS Code turns off by default. Says so, with Ctrl+Space as the way to see them; turns
 * suggestions on for Markdown in this workspace only when asked. Citation completion after `@`
 * needs none of this.
 */
export function registerSnippetHint(context: vscode.ExtensionContext, isMemo: (document: vscode.TextDocument) => boolean): vscode.Disposable {
  let asked = false;
  const consider = async (document: vscode.TextDocument): Promise<void> => {
    if (asked || context.globalState.get(SHOWN_KEY) || !isMemo(document) || suggestsWhileTyping()) return;
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
  return vscode.workspace.onDidChangeTextDocument((e) => {
    if (asked || e.contentChanges.length !== 1 || e.document.languageId !== 'markdown') return;
    const change = e.contentChanges[0];
    if (change.text.length !== 1 || change.range.start.line >= e.document.lineCount) return;
    const line = e.document.lineAt(change.range.start.line).text.slice(0, change.range.start.character + 1);
    if (PREFIX_LINE.test(line)) void consider(e.document);
  });
}
