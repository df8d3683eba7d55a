import type * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import { activateShared } from './extension.shared';
import type { ProcessRunner } from './features/renderMemo';

/** Runs pandoc (or any program) for the features that need one; a missing program is reported, not thrown. */
const runProcess: ProcessRunner = (command, args, cwd) =>
  new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr), notFound: error?.code === 'ENOENT' });
    });
  });

export function activate(context: vscode.ExtensionContext) {
  return activateShared(context, { platform: 'node', runProcess });
}

export function deactivate(): void {}
