import * as vscode from 'vscode';
import { parseCitations } from '../../core/citation';
import type { MemoFix, MemoProblem } from '../../core/memo/index';
import type { MemoDiagnostics } from './memoDiagnostics';

/** Quick fixes for memo diagnostics (core computes the edits), and adding the bibliography to a memo. */
class MemoCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly diagnostics: MemoDiagnostics,
    private readonly hasBibliography: (document: vscode.TextDocument) => boolean,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!this.diagnostics.isMemo(document)) return [];
    const actions: vscode.CodeAction[] = [];
    const problems = this.diagnostics.problemsOf(document);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'Claimdesk') continue;
      const problem = problems.find((p) => p.code === diagnostic.code && rangeOf(document, p).isEqual(diagnostic.range));
      problem?.fixes?.forEach((fix, i) => actions.push(toAction(document, fix, diagnostic, i === 0)));
    }
    // Problems whose diagnostics the request did not carry (a lightbulb on a range): still offer their fixes.
    for (const problem of problems) {
      if (context.diagnostics.some((d) => d.code === problem.code && rangeOf(document, problem).isEqual(d.range))) continue;
      if (!rangeOf(document, problem).intersection(range)) continue;
      problem.fixes?.forEach((fix) => actions.push(toAction(document, fix, undefined, false)));
    }
    const offset = document.offsetAt(range.start);
    const onCitation = parseCitations(document.getText()).some((c) => offset >= c.start && offset <= c.end);
    if (onCitation && !this.hasBibliography(document)) {
      const add = new vscode.CodeAction('Add the Claimdesk bibliography to the front matter', vscode.CodeActionKind.QuickFix);
      add.command = { title: add.title, command: 'claimdesk.addBibliography', arguments: [document.uri] };
      actions.push(add);
    }
    return actions;
  }
}

function rangeOf(document: vscode.TextDocument, p: MemoProblem): vscode.Range {
  return new vscode.Range(document.positionAt(p.start), document.positionAt(p.end));
}

function toAction(document: vscode.TextDocument, fix: MemoFix, diagnostic: vscode.Diagnostic | undefined, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  action.edit = edit;
  if (diagnostic) action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

export function registerCodeActions(diagnostics: MemoDiagnostics, hasBibliography: (document: vscode.TextDocument) => boolean): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new MemoCodeActions(diagnostics, hasBibliography), {
    providedCodeActionKinds: MemoCodeActions.kinds,
  });
}
