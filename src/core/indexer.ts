// Indexing a whole workspace without freezing its host: sources are read a few at a time, served
// from the content cache when unchanged, built otherwise, and handed to the index in slices of at
// most `sliceMs` of synchronous work, yielding to the event loop between slices. Cancellable.
import type { SourceDoc } from './model';
import type { SourceInput } from './source';
import { buildSource } from './source';
import { sourceHash, type SourceCache } from './cache';
import type { WorkspaceIndex } from './workspaceIndex';

export interface IndexOptions {
  /** Reads one source; undefined when it vanished (deleted while indexing) or is not readable text. */
  read(path: string): Promise<SourceInput | undefined>;
  cache?: SourceCache;
  /** Longest stretch of synchronous work before yielding, in ms. */
  sliceMs?: number;
  /** Reads in flight at once. */
  concurrency?: number;
  /** Polled between sources; indexing stops (keeping what is done) once it returns true. */
  isCancelled?(): boolean;
  /** Called after each slice with sources done so far and the total. */
  onProgress?(done: number, total: number): void;
  /** How to give the event loop a turn; defaults to a zero-delay timer. */
  yieldNow?(): Promise<void>;
  /** Clock in ms; defaults to Date.now. */
  now?(): number;
  /** Index only the listed sources and leave the others alone (a batch of changed files, not a full scan). */
  keepUnlisted?: boolean;
}

export interface IndexRun {
  total: number;
  /** Sources extracted afresh. */
  built: number;
  /** Sources served from the cache. */
  cached: number;
  /** Sources whose indexed document was already current. */
  unchanged: number;
  /** Sources that could not be read (gone, binary); removed from the index if they were in it. */
  unreadable: number;
  /** Indexed sources no longer in the list, removed. */
  removed: number;
  cancelled: boolean;
}

// Host scheduling primitives, where they exist: core is type-checked without DOM or Node types.
declare const setImmediate: ((callback: () => void) => unknown) | undefined;
declare const MessageChannel: (new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(message: unknown): void } }) | undefined;

/**
 * Gives the event loop one turn, as cheaply as the host allows: a zero-delay timer costs 1 ms in
 * Node and 4 ms once nested in a browser or web worker, which for thousands of slices would add
 * seconds of idling; setImmediate (Node) and a message (workers) do not.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    } else setTimeout(resolve, 0);
  });
}

/**
 * Makes the index hold exactly the sources at `paths` (when not cancelled): reads each, reuses the
 * indexed or cached document when its content is unchanged, builds the rest, and removes sources
 * that are no longer listed or could not be read.
 */
export async function indexSources(index: WorkspaceIndex, paths: readonly string[], options: IndexOptions): Promise<IndexRun> {
  const sliceMs = options.sliceMs ?? 12;
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const now = options.now ?? Date.now;
  const yieldNow = options.yieldNow ?? yieldToEventLoop;
  const cancelled = () => options.isCancelled?.() === true;
  const run: IndexRun = { total: paths.length, built: 0, cached: 0, unchanged: 0, unreadable: 0, removed: 0, cancelled: false };
  const unread: string[] = [];
  let pending: SourceDoc[] = [];
  let done = 0;
  let sliceStart = now();

  const flush = () => {
    if (pending.length) index.upsertDocs(pending);
    pending = [];
    options.onProgress?.(done, paths.length);
  };

  // Reads run ahead of building, at most `concurrency` at a time, in path order.
  const reads: Array<Promise<SourceInput | undefined>> = [];
  const startRead = (i: number) => {
    if (i < paths.length) reads[i] = options.read(paths[i]).catch(() => undefined);
  };
  for (let i = 0; i < Math.min(concurrency, paths.length); i++) startRead(i);

  for (let i = 0; i < paths.length; i++) {
    if (cancelled()) {
      run.cancelled = true;
      break;
    }
    const input = await reads[i];
    delete reads[i];
    startRead(i + concurrency);
    done++;
    if (!input) {
      run.unreadable++;
      unread.push(paths[i]);
    } else {
      const hash = sourceHash(input.text, input.sidecarText);
      const current = index.get(input.path);
      if (current && current.hash === hash) run.unchanged++;
      else {
        let doc = options.cache?.lookup(input, hash);
        if (doc) run.cached++;
        else {
          doc = buildSource(input);
          options.cache?.store(doc);
          run.built++;
        }
        pending.push(doc);
      }
    }
    if (now() - sliceStart >= sliceMs) {
      flush();
      await yieldNow();
      sliceStart = now();
    }
  }
  flush();
  if (run.cancelled) return run;

  for (const path of unread) {
    if (index.get(path)) {
      index.remove(path);
      run.removed++;
    }
  }
  if (options.keepUnlisted) return run;
  const listed = new Set(paths);
  for (const doc of index.sources()) {
    if (!listed.has(doc.path)) {
      index.remove(doc.path);
      run.removed++;
    }
  }
  return run;
}
