import * as vscode from 'vscode';
import { frontMatterBibliographies, inlineReferences, parseBibliography, type ParsedBibliography } from '../../core/memo/index';
import { Library } from '../../core/services/library';
import { splitFrontMatter } from '../../core/text/frontMatter';

/**
 * Each memo's library: the bibliography files its front matter names (relative to the memo, as
 * pandoc run in the memo's folder reads them) and its inline `references:`. Files are read once and
 * again when they change on disk or in an editor; `onDidChange` then tells the features.
 */
export class MemoLibraries implements vscode.Disposable {
  /** Parsed bibliography files by URI, with the stamp (editor version, or mtime and size) they were read at. */
  private readonly files = new Map<string, { stamp: string; parsed: Promise<ParsedBibliography> }>();
  /** Each memo's library, by the front matter it was read from and its files' stamps. */
  private readonly memos = new Map<string, { key: string; library: Promise<Library> }>();
  /** Bibliography files some memo names: a change to one of them is a change of a library. */
  private readonly wanted = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a bibliography file a memo names is created, changed (on disk or in an editor) or deleted. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{bib,bibtex,json,yaml,yml}');
    const changed = (uri: vscode.Uri): void => {
      const key = uri.toString();
      if (!this.wanted.has(key)) return;
      this.files.delete(key);
      this.emitter.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeTextDocument((e) => changed(e.document.uri)),
      // Closing an edited bibliography without saving goes back to the file on disk.
      vscode.workspace.onDidCloseTextDocument((d) => changed(d.uri)),
    );
  }

  /**
   * The library of a memo at its current text. Each call checks its files' stamps (a stat each), so
   * a change the file watcher reports late, or never, is still read.
   */
  async libraryOf(document: vscode.TextDocument): Promise<Library> {
    const text = document.getText();
    const frontMatter = splitFrontMatter(text.replace(/^\uFEFF/, ''))?.yaml ?? '';
    const uris = bibliographyUris(document.uri, frontMatterBibliographies(text));
    for (const uri of uris) this.wanted.add(uri.toString());
    const stamps = await Promise.all(uris.map(stampOf));
    const key = [frontMatter, ...stamps].join('\0');
    const cached = this.memos.get(document.uri.toString());
    if (cached && cached.key === key) return cached.library;
    const library = this.read(uris, stamps, text);
    this.memos.set(document.uri.toString(), { key, library });
    return library;
  }

  /** Forgets a closed memo. */
  forget(uri: vscode.Uri): void {
    this.memos.delete(uri.toString());
  }

  private async read(uris: vscode.Uri[], stamps: string[], text: string): Promise<Library> {
    const entries = [];
    for (let i = 0; i < uris.length; i++) entries.push(...(await this.file(uris[i], stamps[i])).entries);
    entries.push(...inlineReferences(text));
    return new Library(entries);
  }

  private file(uri: vscode.Uri, stamp: string): Promise<ParsedBibliography> {
    const key = uri.toString();
    const cached = this.files.get(key);
    if (cached && cached.stamp === stamp) return cached.parsed;
    const parsed = readText(uri).then((text) => (text === undefined ? { entries: [], errors: [] } : parseBibliography(key, text)));
    this.files.set(key, { stamp, parsed });
    return parsed;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** What identifies a file's content cheaply: its editor's version when open, else its mtime and size. */
async function stampOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return `v${open.version}:${open.isDirty ? 'dirty' : 'saved'}`;
  try {
    const { mtime, size } = await vscode.workspace.fs.stat(uri);
    return `${mtime}:${size}`;
  } catch {
    return 'missing';
  }
}

/** The text of a file: an editor's (unsaved edits included) when it is open, else the file's; undefined when it does not exist. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // a bibliography that does not exist (yet) defines nothing
  }
}

/** Bibliography paths of the front matter as URIs: relative to the memo, or absolute on disk. */
function bibliographyUris(memo: vscode.Uri, paths: string[]): vscode.Uri[] {
  const out: vscode.Uri[] = [];
  for (const path of paths) {
    if (path.startsWith('/')) {
      if (memo.scheme === 'file') out.push(vscode.Uri.file(path));
    } else if (!/^[a-z][\w+.-]*:/i.test(path)) out.push(vscode.Uri.joinPath(memo, '..', path));
  }
  return out;
}

export function registerMemoLibraries(): MemoLibraries {
  return new MemoLibraries();
}
