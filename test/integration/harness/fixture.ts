// Every test starts from the fixture workspace as committed (the run's copy of `sample/`): before
// each test the runner closes what the last one left open, resets settings and the Sources view,
// writes back every file that changed, deletes every file that was added, asserts the workspace
// equals the fixture, and waits until the index holds exactly what it held at the start.
import * as vscode from 'vscode';
import type { ClaimdeskApi } from '../../../src/vscode/extension.shared';
import { activateClaimdesk, describeIndex, extensionId, revertAndCloseAllEditors, until, workspaceFolder } from './util';

interface Fixture {
  /** Every file of the workspace, by path relative to the folder, with its bytes. */
  files: Map<string, Uint8Array>;
  /** The index as the first scan of the fixture left it: `path hash citekey` per source. */
  index: string[];
}

let fixture: Fixture | undefined;

async function readTree(root: vscode.Uri): Promise<{ files: Map<string, Uint8Array>; dirs: string[] }> {
  const files = new Map<string, Uint8Array>();
  const dirs: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const dir = relative ? vscode.Uri.joinPath(root, ...relative.split('/')) : root;
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const path = relative ? `${relative}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        dirs.push(path);
        await walk(path);
      } else {
        files.set(path, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, ...path.split('/'))));
      }
    }
  };
  await walk('');
  return { files, dirs };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function indexState(api: ClaimdeskApi): string[] {
  return api.index
    .sources()
    .map((d) => `${d.path} ${d.hash} ${d.citekey}`)
    .sort();
}

/** Differences between two lists of `path …` lines, for messages. */
function listDiff(expected: string[], actual: string[]): string {
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  return `missing [${missing.join('; ')}], unexpected [${extra.join('; ')}]`;
}

/** Records the fixture (before Claimdesk activates) and the index its first scan builds. Called once per run. */
export async function captureFixture(): Promise<ClaimdeskApi> {
  // VS Code for the Web (both hosts here) saves edited files after a second by default. Tests edit
  // memos and revert them: a save would turn a spec's temporary edit into the next spec's fixture.
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  const { files } = await readTree(workspaceFolder().uri);
  const api = await activateClaimdesk();
  await until([api.work.onDidSettle], () => api.work.settled, 'the first scan and memo checks to finish', () => describeIndex(api));
  fixture = { files, index: indexState(api) };
  return api;
}

/** Claimdesk's settings that a test changed, at user or workspace level. */
function changedSettings(): Array<{ key: string; target: vscode.ConfigurationTarget }> {
  const properties = Object.keys(vscode.extensions.getExtension(extensionId)?.packageJSON?.contributes?.configuration?.properties ?? {});
  const config = vscode.workspace.getConfiguration();
  const out: Array<{ key: string; target: vscode.ConfigurationTarget }> = [];
  for (const key of properties) {
    const inspected = config.inspect(key);
    if (inspected?.globalValue !== undefined) out.push({ key, target: vscode.ConfigurationTarget.Global });
    if (inspected?.workspaceValue !== undefined) out.push({ key, target: vscode.ConfigurationTarget.Workspace });
  }
  return out;
}

/** Puts the workspace, the settings, the editors and the Sources view back as the fixture had them, and asserts it. */
export async function resetToFixture(): Promise<void> {
  if (!fixture) throw new Error('captureFixture() did not run before the first test.');
  const api = await activateClaimdesk();
  const root = workspaceFolder().uri;
  const uriOf = (path: string) => vscode.Uri.joinPath(root, ...path.split('/'));

  // A pick list or an editor left open by a failed test; unsaved edits are dropped, not saved.
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await revertAndCloseAllEditors();
  for (const { key, target } of changedSettings()) await vscode.workspace.getConfiguration().update(key, undefined, target);
  if (vscode.workspace.getConfiguration('files').get('autoSave') !== 'off') await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('claimdesk.clearTreeFilter');
  await vscode.commands.executeCommand('claimdesk.groupBy', 'kind');

  // Files: delete what was added (top-most new folder at once), write back what changed or went.
  const now = await readTree(root);
  const fixtureDirs = new Set([...fixture.files.keys()].flatMap((p) => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  const addedDirs = now.dirs.filter((d) => !fixtureDirs.has(d));
  for (const dir of addedDirs) {
    if (addedDirs.some((other) => dir.startsWith(other + '/'))) continue;
    await vscode.workspace.fs.delete(uriOf(dir), { recursive: true, useTrash: false });
  }
  for (const path of now.files.keys()) {
    if (!fixture.files.has(path) && !addedDirs.some((d) => path.startsWith(d + '/'))) await vscode.workspace.fs.delete(uriOf(path), { useTrash: false });
  }
  for (const [path, bytes] of fixture.files) {
    const current = now.files.get(path);
    if (!current || !sameBytes(current, bytes)) await vscode.workspace.fs.writeFile(uriOf(path), bytes);
  }

  const after = await readTree(root);
  const differs = [...fixture.files].filter(([path, bytes]) => !after.files.has(path) || !sameBytes(after.files.get(path)!, bytes)).map(([path]) => path);
  const extra = [...after.files.keys()].filter((path) => !fixture!.files.has(path));
  if (differs.length || extra.length) throw new Error(`The workspace could not be restored to the fixture: differs [${differs.join(', ')}], extra [${extra.join(', ')}].`);

  // The index takes the restored files in through the file watcher: wait until it is settled and
  // holds the fixture's sources again, and nothing outside the fixture still has a diagnostic.
  const strayDiagnostics = () =>
    vscode.languages
      .getDiagnostics()
      .filter(([uri, list]) => list.some((d) => d.source === 'Claimdesk') && uri.toString().startsWith(root.toString() + '/sources/') && !fixture!.files.has(uri.toString().slice(root.toString().length + 1)))
      .map(([uri]) => vscode.workspace.asRelativePath(uri));
  await until(
    [api.work.onDidSettle, vscode.languages.onDidChangeDiagnostics],
    () => api.work.settled && listDiff(fixture!.index, indexState(api)) === 'missing [], unexpected []' && strayDiagnostics().length === 0,
    'the index and diagnostics to be back to the fixture',
    () => `${describeIndex(api)}; index vs fixture: ${listDiff(fixture!.index, indexState(api))}; diagnostics on files not in the fixture: [${strayDiagnostics().join(', ')}]`,
  );
}
