import * as vscode from 'vscode';
import type { Problem, Severity } from '../core/model';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A source, sidecar or memo problem as a VS Code diagnostic (a problem without a span sits at the top of the file). */
export function toDiagnostic(p: Problem): vscode.Diagnostic {
  const range = p.span ? new vscode.Range(p.span.line, p.span.character, p.span.endLine, p.span.endCharacter) : new vscode.Range(0, 0, 0, 0);
  const d = new vscode.Diagnostic(range, p.message, SEVERITY[p.severity] ?? vscode.DiagnosticSeverity.Warning);
  d.source = 'Claimdesk';
  d.code = p.code;
  return d;
}
