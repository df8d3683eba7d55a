import type * as vscode from 'vscode';
import { activateShared } from './extension.shared';

export function activate(context: vscode.ExtensionContext) {
  return activateShared(context, { platform: 'web' });
}

export function deactivate(): void {}
