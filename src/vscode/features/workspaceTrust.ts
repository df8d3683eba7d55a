import * as vscode from 'vscode';

/**
 * Claimdesk reads sources and shows claims, hovers and diagnostics in any workspace, but writes
 * files (sidecars) only in a trusted one. Returns true when the action may go on; otherwise tells
 * the analyst why and offers the trust editor.
 */
export async function ensureTrusted(action: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  const choice = await vscode.window.showWarningMessage(
    `Claimdesk does not ${action} in an untrusted workspace: it never writes files beside sources there. Trust this workspace to curate.`,
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}

/** True when `target` is inside one of the open workspace folders (no sidecar is written elsewhere). */
export function insideWorkspace(target: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(target);
  if (!folder) return false;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  // getWorkspaceFolder matches by prefix; a normalised path without `..` segments must agree.
  return folder.uri.scheme === target.scheme && folder.uri.authority === target.authority && target.path.startsWith(base) && !target.path.split('/').includes('..');
}
