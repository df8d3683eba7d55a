import * as vscode from 'vscode';
import { isSidecarPath, sidecarPathFor } from '../../core/source';
import { decodeSourceBytes } from '../../core/text/decode';
import { WorkspaceIndex } from '../../core/workspaceIndex';

const DEFAULT_GLOB = '**/sources/**/*.{txt,md}';

/** Keeps a WorkspaceIndex of every source file matching `claimdesk.sources`, and its sidecars. */
export class SourceIndexFeature implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  readonly ready: Promise<void>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly problems = vscode.languages.createDiagnosticCollection('claimdesk-sources');

  constructor() {
    this.disposables.push(this.onDidChangeEmitter, this.problems);
    this.disposables.push(this.index.onDidChange(() => this.onDidChangeEmitter.fire()));
    this.ready = this.scan();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,md,markdown,yaml,yml}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.refresh(uri)),
      watcher.onDidChange((uri) => this.refresh(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('claimdesk.sources')) void this.scan();
      }),
    );
  }

  get glob(): string {
    return vscode.workspace.getConfiguration('claimdesk').get<string>('sources') || DEFAULT_GLOB;
  }

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.parse(path);
  }

  async scan(): Promise<void> {
    const uris = await vscode.workspace.findFiles(this.glob, '**/node_modules/**');
    const inputs = [];
    for (const uri of uris) {
      if (isSidecarPath(uri.path)) continue;
      const input = await this.read(uri);
      if (input) inputs.push(input);
    }
    const known = new Set(inputs.map((i) => i.path));
    for (const doc of this.index.sources()) if (!known.has(doc.path)) this.index.remove(doc.path);
    this.index.upsertMany(inputs);
    this.publishProblems();
  }

  private async refresh(uri: vscode.Uri): Promise<void> {
    if (isSidecarPath(uri.path)) {
      const source = this.index.sources().find((d) => sidecarPathFor(d.path) === uri.toString());
      if (source) uri = vscode.Uri.parse(source.path);
      else return;
    } else if (!(await this.matches(uri))) return;
    const input = await this.read(uri);
    if (input) this.index.upsert(input);
    else this.index.remove(uri.toString());
    this.publishProblems();
  }

  private forget(uri: vscode.Uri): void {
    if (isSidecarPath(uri.path)) {
      void this.refresh(uri);
      return;
    }
    this.index.remove(uri.toString());
    this.publishProblems();
  }

  private async matches(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.glob));
    return found.some((u) => u.toString() === uri.toString());
  }

  private async read(uri: vscode.Uri) {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined; // deleted while indexing
    }
    const decoded = decodeSourceBytes(bytes);
    if (decoded.text === undefined) {
      this.problems.set(uri, decoded.problems.map((p) => new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), p.message, vscode.DiagnosticSeverity.Error)));
      return undefined;
    }
    const sidecarUri = vscode.Uri.parse(sidecarPathFor(uri.toString()));
    let sidecarText: string | undefined;
    try {
      sidecarText = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri));
    } catch {
      sidecarText = undefined;
    }
    return { path: uri.toString(), text: decoded.text, sidecarText, sidecarPath: sidecarUri.toString() };
  }

  private publishProblems(): void {
    for (const doc of this.index.sources()) {
      const diagnostics = doc.problems.filter((p) => !p.file).map((p) => {
        const range = p.span ? new vscode.Range(p.span.line, p.span.character, p.span.endLine, p.span.endCharacter) : new vscode.Range(0, 0, 0, 0);
        const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
        d.source = 'Claimdesk';
        d.code = p.code;
        return d;
      });
      this.problems.set(vscode.Uri.parse(doc.path), diagnostics);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function registerSourceIndex(_context: vscode.ExtensionContext): SourceIndexFeature {
  return new SourceIndexFeature();
}
