import * as vscode from 'vscode';
import { SourceCache } from '../../core/cache';
import type { SourceDoc } from '../../core/model';
import { yieldToEventLoop } from '../../core/indexer';

/** The extraction cache's file in the extension's storage: read once at the first scan, written after changes. */
export class CacheFile {
  constructor(private readonly uri: vscode.Uri | undefined) {}

  get enabled(): boolean {
    return this.uri !== undefined;
  }

  async load(): Promise<SourceCache> {
    if (!this.uri) return SourceCache.empty();
    try {
      return SourceCache.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri)));
    } catch {
      return SourceCache.empty(); // first run, or storage unavailable
    }
  }

  async save(cache: SourceCache, sources: Iterable<SourceDoc>): Promise<void> {
    if (!this.uri) return;
    try {
      const text = await cache.serializeInSlices(sources, yieldToEventLoop);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.uri, '..'));
      await vscode.workspace.fs.writeFile(this.uri, new TextEncoder().encode(text));
    } catch {
      // A cache that cannot be written costs a slower next start, nothing else.
    }
  }
}
