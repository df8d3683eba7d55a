import * as vscode from 'vscode';
import type { SourceCache } from '../../core/cache';
import { indexSources, type IndexRun } from '../../core/indexer';
import { CacheFile } from './cacheFile';
import { isHtmlPath, isSidecarPath, sidecarPathFor, sourceInputOf, type SourceInput } from '../../core/source';
import { WorkspaceIndex } from '../../core/workspaceIndex';
import { toDiagnostic } from '../diagnostic';
import { htmlReaderLoader } from './htmlReader';

const DEFAULT_GLOB = '**/sources/**/*.{txt,md,html,htm}';
/** A scan of this many sources still running after NOTIFY_AFTER_MS shows a cancellable notification. */
const NOTIFY_FROM = 300;
const NOTIFY_AFTER_MS = 1000;

type Progress = vscode.Progress<{ message?: string; increment?: number }>;
const CACHE_FILE = 'source-cache.jsonl';
const SAVE_DELAY_MS = 2000;
/** While a scan runs, views hear of index changes at most this often. */
const ANNOUNCE_MS = 250;
/** Watcher events arriving within this many ms are handled together. */
const BATCH_MS = 50;

/**
 * Keeps a WorkspaceIndex of every source file matching `claimdesk.sources`, and its sidecars.
 * Scans are chunked (the extension host keeps answering while thousands of sources are indexed),
 * cancellable, and start from a content-keyed cache persisted in the extension's storage.
 */
export class SourceIndexFeature implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  readonly ready: Promise<void>;
  /** Outcome of the last completed scan (for tests and the output of `claimdesk.refresh`). */
  lastRun: IndexRun | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly onDidSettleEmitter = new vscode.EventEmitter<void>();
  /** Fires each time the index has no work left (see `settled`); integration tests wait on it. */
  readonly onDidSettle = this.onDidSettleEmitter.event;
  /** Scans, watcher batches and single-source refreshes running. */
  private busy = 0;
  private readonly problems = vscode.languages.createDiagnosticCollection('claimdesk-sources');
  private readonly cacheFile: CacheFile;
  private cache: SourceCache | undefined;
  private scanCancel: vscode.CancellationTokenSource | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private announcePending = false;
  /** Watcher events waiting to be handled as one batch, and the batches in order. */
  private readonly queued = new Set<string>();
  private queueTimer: ReturnType<typeof setTimeout> | undefined;
  private batches: Promise<void> = Promise.resolve();
  /** Batches of many files running (views then hear of changes at a measured pace). */
  private bulk = 0;
  private disposed = false;
  /** Files matched as sources that could not be read as text, with why (kept until they change or go). */
  private readonly unreadable = new Map<string, vscode.Diagnostic[]>();
  /** Latest refresh of each path: an older read finishing late (rapid edits) must not win. */
  private readonly refreshes = new Map<string, number>();

  private readonly loadHtmlReader: ReturnType<typeof htmlReaderLoader> | undefined;

  constructor(storageUri: vscode.Uri | undefined, html?: { extensionUri: vscode.Uri; platform: 'node' | 'web' }) {
    this.loadHtmlReader = html && htmlReaderLoader(html.extensionUri, html.platform);
    this.cacheFile = new CacheFile(storageUri && vscode.Uri.joinPath(storageUri, CACHE_FILE));
    this.disposables.push(this.onDidChangeEmitter, this.onDidSettleEmitter, this.problems);
    this.disposables.push(
      this.index.onDidChange((change) => {
        this.publishProblems(change.paths);
        this.announceChange();
        this.scheduleSave();
      }),
    );
    this.ready = this.scan();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,md,markdown,html,htm,yaml,yml}', false, false, true);
    // Deletions of anything: a deleted folder is reported as the folder alone, which the pattern above would filter out.
    const deletions = vscode.workspace.createFileSystemWatcher('**', true, true, false);
    this.disposables.push(
      watcher,
      deletions,
      watcher.onDidCreate((uri) => this.queueRefresh(uri)),
      watcher.onDidChange((uri) => this.queueRefresh(uri)),
      deletions.onDidDelete((uri) => this.forget(uri)),
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

  /**
   * True when no scan, watcher batch or source read is running or waiting: every file event seen
   * so far is in the index, and views have heard of it.
   */
  get settled(): boolean {
    return this.busy === 0 && this.queued.size === 0 && !this.queueTimer;
  }

  /** Counts `work` as pending until it ends, then fires onDidSettle if nothing else is. */
  private async track<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work();
    } finally {
      this.busy--;
      this.fireIfSettled();
    }
  }

  private fireIfSettled(): void {
    if (this.settled && !this.disposed) this.onDidSettleEmitter.fire();
  }

  /** Re-reads the workspace's sources; a scan already running is cancelled in favour of this one. */
  scan(): Promise<void> {
    return this.track(() => this.scanNow());
  }

  private async scanNow(): Promise<void> {
    this.scanCancel?.cancel();
    const cancel = new vscode.CancellationTokenSource();
    this.scanCancel = cancel;
    try {
      const uris = await vscode.workspace.findFiles(this.glob, '**/node_modules/**', undefined, cancel.token);
      if (cancel.token.isCancellationRequested) return;
      const paths = uris.filter((u) => !isSidecarPath(u.path)).map((u) => u.toString()).sort();
      // One search for sidecars instead of a failing read beside every source without one.
      const sidecars = new Set((await vscode.workspace.findFiles('**/*.claimdesk.yaml', '**/node_modules/**', undefined, cancel.token)).map((u) => u.toString()));
      if (cancel.token.isCancellationRequested) return;
      this.cache ??= await this.cacheFile.load();
      // Progress in the status bar; a cancellable notification only for a large scan that is still
      // running after a moment (a warm start from the cache should not flash one).
      const title = `Claimdesk: indexing ${paths.length} sources`;
      const meters: Array<{ progress: Progress; reported: number }> = [];
      let done = 0;
      const report = () => {
        for (const meter of meters) {
          const percent = paths.length ? (100 * done) / paths.length : 100;
          meter.progress.report({ message: `${done} of ${paths.length}`, increment: percent - meter.reported });
          meter.reported = percent;
        }
      };
      let finished: () => void = () => undefined;
      const whenFinished = new Promise<void>((resolve) => (finished = resolve));
      const notifyTimer =
        paths.length >= NOTIFY_FROM
          ? setTimeout(() => {
              void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
                token.onCancellationRequested(() => cancel.cancel());
                meters.push({ progress, reported: 0 });
                report();
                return whenFinished;
              });
            }, NOTIFY_AFTER_MS)
          : undefined;
      try {
        this.lastRun = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (progress) => {
          meters.push({ progress, reported: 0 });
          return indexSources(this.index, paths, {
            read: (path) => this.read(vscode.Uri.parse(path), sidecars),
            cache: this.cache,
            isCancelled: () => cancel.token.isCancellationRequested || this.disposed,
            onProgress: (n) => {
              done = n;
              report();
            },
          });
        });
      } finally {
        if (notifyTimer) clearTimeout(notifyTimer);
        finished();
      }
      if (!this.lastRun.cancelled) {
        this.cache.dropUnused();
        await this.saveCache();
      }
    } finally {
      if (this.scanCancel === cancel) this.scanCancel = undefined;
      cancel.dispose();
      this.flushAnnouncement();
    }
  }

  /** Re-reads one source (or the source of a sidecar) now, without waiting for the file watcher. */
  refresh(uri: vscode.Uri): Promise<void> {
    return this.track(() => this.refreshNow(uri));
  }

  private async refreshNow(uri: vscode.Uri): Promise<void> {
    if (isSidecarPath(uri.path)) {
      const source = this.index.sourceOfSidecar(uri.toString());
      if (source) uri = vscode.Uri.parse(source.path);
      else return;
    } else if (!(await this.matches(uri))) return;
    const key = uri.toString();
    const ticket = (this.refreshes.get(key) ?? 0) + 1;
    this.refreshes.set(key, ticket);
    const input = await this.read(uri);
    if (this.refreshes.get(key) !== ticket || this.disposed) return;
    if (input) this.index.upsert(input);
    else {
      this.index.remove(key);
      this.publishProblems([key]);
    }
  }

  /** Collects watcher events for a moment, so that a checkout of a thousand files is one batch. */
  private queueRefresh(uri: vscode.Uri): void {
    this.queued.add(uri.toString());
    this.queueTimer ??= setTimeout(() => {
      this.queueTimer = undefined;
      // A failed batch must not stop the ones after it.
      this.batches = this.batches.then(() => this.track(() => this.refreshQueued())).catch(() => undefined);
    }, BATCH_MS);
  }

  private async refreshQueued(): Promise<void> {
    const uris = [...this.queued].map((u) => vscode.Uri.parse(u));
    this.queued.clear();
    if (this.disposed || uris.length === 0) return;
    if (uris.length === 1) return this.refresh(uris[0]);
    // Many files at once: one search decides which new files are sources, and the chunked indexer
    // reads and builds them in slices (one search per file would be quadratic).
    const targets = new Set<string>();
    const unknown: string[] = [];
    for (const uri of uris) {
      const key = uri.toString();
      if (isSidecarPath(uri.path)) {
        const source = this.index.sourceOfSidecar(key);
        if (source) targets.add(source.path);
      } else if (this.index.get(key)) targets.add(key);
      else unknown.push(key);
    }
    if (unknown.length) {
      const sources = new Set((await vscode.workspace.findFiles(this.glob, '**/node_modules/**')).map((u) => u.toString()));
      for (const key of unknown) if (sources.has(key)) targets.add(key);
    }
    if (targets.size === 0) return;
    this.bulk++;
    try {
      await indexSources(this.index, [...targets].sort(), { read: (path) => this.read(vscode.Uri.parse(path)), cache: this.cache, keepUnlisted: true, isCancelled: () => this.disposed });
    } finally {
      this.bulk--;
      this.flushAnnouncement();
    }
  }

  private forget(uri: vscode.Uri): void {
    if (isSidecarPath(uri.path)) {
      void this.refresh(uri);
      return;
    }
    const key = uri.toString();
    this.unreadable.delete(key);
    this.problems.delete(uri);
    if (this.index.get(key)) {
      this.index.remove(key);
      this.fireIfSettled();
      return;
    }
    // A deleted folder is one event for the folder, none for the files in it.
    const inside = key.endsWith('/') ? key : key + '/';
    for (const doc of this.index.sources()) if (doc.path.startsWith(inside)) this.index.remove(doc.path);
    for (const path of [...this.unreadable.keys()]) {
      if (path.startsWith(inside)) {
        this.unreadable.delete(path);
        this.problems.delete(vscode.Uri.parse(path));
      }
    }
    this.fireIfSettled();
  }

  private async matches(uri: vscode.Uri): Promise<boolean> {
    // A source already indexed matched the glob when it was found; only new files need the search.
    if (this.index.get(uri.toString())) return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.glob), '**/node_modules/**');
    return found.some((u) => u.toString() === uri.toString());
  }

  /** Reads a source and its sidecar; `sidecars`, when given, lists every sidecar that exists. */
  private async read(uri: vscode.Uri, sidecars?: Set<string>): Promise<SourceInput | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined; // deleted while indexing
    }
    const sidecarUri = vscode.Uri.parse(sidecarPathFor(uri.toString()));
    let sidecar: Uint8Array | undefined;
    let sidecarError: string | undefined;
    if (!sidecars || sidecars.has(sidecarUri.toString())) {
      try {
        sidecar = await vscode.workspace.fs.readFile(sidecarUri);
      } catch (e) {
        // None (or gone since the search) is normal; one that exists but cannot be read is reported on the sidecar.
        sidecarError = await vscode.workspace.fs.stat(sidecarUri).then(
          () => (e instanceof vscode.FileSystemError ? e.code : String(e)),
          () => undefined,
        );
      }
    }
    const html = isHtmlPath(uri.path) ? await this.loadHtmlReader?.() : undefined;
    const { input, problems } = sourceInputOf({ path: uri.toString(), bytes, sidecar, sidecarError, sidecarPath: sidecarUri.toString() }, { html });
    if (input) this.unreadable.delete(uri.toString());
    else {
      const diagnostics = problems.map(toDiagnostic);
      this.unreadable.set(uri.toString(), diagnostics);
      this.problems.set(uri, diagnostics);
    }
    return input;
  }

  /** Publishes the problems of the sources that changed (removed ones are cleared). */
  private publishProblems(paths: string[]): void {
    for (const path of paths) {
      const uri = vscode.Uri.parse(path);
      const doc = this.index.get(path);
      const sidecarUri = vscode.Uri.parse(sidecarPathFor(path));
      if (!doc) {
        // An unreadable file keeps the diagnostic that says why it was skipped.
        const unreadable = this.unreadable.get(path);
        if (unreadable) this.problems.set(uri, unreadable);
        else this.problems.delete(uri);
        this.problems.delete(sidecarUri);
        continue;
      }
      this.problems.set(uri, doc.problems.filter((p) => !p.file).map(toDiagnostic));
      // Sidecar problems (malformed YAML, unmatched corrections) show at their line in the sidecar.
      this.problems.set(sidecarUri, doc.problems.filter((p) => p.file === sidecarUri.toString()).map(toDiagnostic));
    }
  }

  /**
   * Tells the views the index changed: at once for an edit, at most every ANNOUNCE_MS while a scan
   * hands over its slices (each would otherwise re-render the tree and re-check open memos).
   */
  private announceChange(): void {
    if (!this.scanCancel && this.bulk === 0) {
      this.onDidChangeEmitter.fire();
      return;
    }
    this.announcePending = true;
    if (this.announceTimer) return;
    this.announceTimer = setTimeout(() => this.flushAnnouncement(), ANNOUNCE_MS);
  }

  private flushAnnouncement(): void {
    if (this.announceTimer) clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    if (!this.announcePending || this.disposed) return;
    this.announcePending = false;
    this.onDidChangeEmitter.fire();
  }

  private scheduleSave(): void {
    if (!this.cacheFile.enabled || this.scanCancel) return; // a scan saves once at its end
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCache(), SAVE_DELAY_MS);
  }

  private async saveCache(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.cache && !this.disposed) await this.cacheFile.save(this.cache, this.index.sources());
  }

  dispose(): void {
    this.disposed = true;
    this.scanCancel?.cancel();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.announceTimer) clearTimeout(this.announceTimer);
    if (this.queueTimer) clearTimeout(this.queueTimer);
    for (const d of this.disposables) d.dispose();
  }
}

export function registerSourceIndex(context: vscode.ExtensionContext, platform: 'node' | 'web'): SourceIndexFeature {
  return new SourceIndexFeature(context.storageUri ?? context.globalStorageUri, { extensionUri: context.extensionUri, platform });
}
