import * as vscode from 'vscode';
import { checkMemo, MEMO_CHECKS, parseCheckSeverity, type CheckSeverity, type MemoCheck, type MemoProblem } from '../../core/memo/index';
import { toDiagnostic } from '../diagnostic';
import type { MemoLibraries } from './library';
import type { SourceIndexFeature } from './sourceIndex';

const DEBOUNCE_MS = 250;

/** The memo checks' results per open memo, published as diagnostics; code actions read the fixes back. */
export class MemoDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('claimdesk-memos');
  private readonly results = new Map<string, { version: number; problems: MemoProblem[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly onDidSettleEmitter = new vscode.EventEmitter<void>();
  /** Fires each time no memo check is waiting or running (see `settled`); integration tests wait on it. */
  readonly onDidSettle = this.onDidSettleEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.onDidSettleEmitter];
  /** Citekeys of each memo's own bibliographies, as last read. */
  private readonly externalKeys = new Map<string, ReadonlySet<string>>();
  private ready = false;
  /** Checks whose memo's bibliographies are being read. */
  private reading = 0;

  constructor(
    private readonly sources: SourceIndexFeature,
    private readonly libraries: MemoLibraries,
  ) {
    this.disposables.push(
      libraries.onDidChange(() => this.checkAll(0)),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      sources.onDidChange(() => this.checkAll(DEBOUNCE_MS)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('claimdesk.diagnostics') || e.affectsConfiguration('claimdesk.sources')) this.checkAll(0);
      }),
    );
    // Until the first scan is done every citation would look unknown.
    void sources.ready.then(() => {
      this.ready = true;
      this.checkAll(0);
    });
  }

  /** Whether a document is a memo: markdown that is not one of the sources. */
  isMemo(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown' || document.uri.scheme === 'output') return false;
    if (this.sources.index.get(document.uri.toString())) return false;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const pattern = folder ? new vscode.RelativePattern(folder, this.sources.glob) : this.sources.glob;
    return vscode.languages.match({ pattern }, document) === 0;
  }

  /** True when no memo check is scheduled or running: every open memo's diagnostics are up to date. */
  get settled(): boolean {
    return this.timers.size === 0 && this.reading === 0;
  }

  /** The document version whose problems are published for a memo (undefined when none are). */
  checkedVersion(uri: vscode.Uri): number | undefined {
    return this.results.get(uri.toString())?.version;
  }

  private fireIfSettled(): void {
    if (this.settled) this.onDidSettleEmitter.fire();
  }

  /** Problems of a memo at its current version (checked now when the published ones are stale). */
  problemsOf(document: vscode.TextDocument): MemoProblem[] {
    const cached = this.results.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached.problems;
    if (!this.isMemo(document)) return [];
    return this.check(document);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.ready) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (document.isClosed) return this.fireIfSettled();
        if (!this.isMemo(document)) {
          this.clear(document.uri);
          return this.fireIfSettled();
        }
        const version = document.version;
        this.reading++;
        void this.libraries
          .libraryOf(document)
          .then((library) => {
            this.externalKeys.set(key, library.keys());
            if (!document.isClosed && document.version === version) this.check(document);
          })
          .finally(() => {
            this.reading--;
            this.fireIfSettled();
          });
      }, delay),
    );
  }

  private checkAll(delay: number): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, delay);
  }

  private check(document: vscode.TextDocument): MemoProblem[] {
    const problems = checkMemo(document.getText(), this.sources.index, {
      severities: configuredSeverities(document.uri),
      externalKeys: this.externalKeys.get(document.uri.toString()),
    });
    this.results.set(document.uri.toString(), { version: document.version, problems });
    this.collection.set(document.uri, problems.map(toDiagnostic));
    return problems;
  }

  private clear(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    const wasScheduled = this.timers.delete(uri.toString());
    this.results.delete(uri.toString());
    this.externalKeys.delete(uri.toString());
    this.libraries.forget(uri);
    this.collection.delete(uri);
    if (wasScheduled) this.fireIfSettled();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** `claimdesk.diagnostics.<check>` settings, ignoring values that are not a severity. */
function configuredSeverities(scope: vscode.Uri): Partial<Record<MemoCheck, CheckSeverity>> {
  const config = vscode.workspace.getConfiguration('claimdesk.diagnostics', scope);
  const out: Partial<Record<MemoCheck, CheckSeverity>> = {};
  for (const check of Object.keys(MEMO_CHECKS) as MemoCheck[]) {
    const severity = parseCheckSeverity(config.get(check));
    if (severity) out[check] = severity;
  }
  return out;
}

export function registerMemoDiagnostics(sources: SourceIndexFeature, libraries: MemoLibraries): MemoDiagnostics {
  return new MemoDiagnostics(sources, libraries);
}
