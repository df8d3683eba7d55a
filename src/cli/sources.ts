// Reads sources (and their sidecars) from disk for the CLI: one file, or a folder into a WorkspaceIndex.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Problem } from '../core/model';
import { formatProblemLine } from '../core/problemLine';
import { readHtmlArticle } from '../core/html/article';
import { isSidecarPath, sidecarPathFor, sourceInputOf, unreadableSourceProblem, type SourceFile, type SourceInput, type SourceReaders } from '../core/source';
import { WorkspaceIndex } from '../core/workspaceIndex';

const SOURCE_FILE = /\.(?:txt|md|markdown|html?)$/i;

/** The CLI has every reader at hand (its bundle size does not matter as the extension's does). */
export const READERS: SourceReaders = { html: readHtmlArticle };

/** Files that could not be read as text, with why. */
export type Unreadable = Array<{ file: string; problems: Problem[] }>;

export interface LoadedSources {
  index: WorkspaceIndex;
  unreadable: Unreadable;
}

/** A source file's bytes and its sidecar's, or the problem that says why the file cannot be read (never throws). */
export function readSourceFile(file: string): SourceFile | { problems: Problem[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    // Deleted meanwhile, a dangling link, no permission: reported for this file, the others go on.
    return { problems: [unreadableSourceProblem(errorCode(e))] };
  }
  const sidecarPath = sidecarPathFor(file);
  try {
    return { path: file, bytes, sidecar: existsSync(sidecarPath) && statSync(sidecarPath).isFile() ? readFileSync(sidecarPath) : undefined };
  } catch (e) {
    return { path: file, bytes, sidecarError: errorCode(e) };
  }
}

/** Every .txt/.md/.html source under dir (recursively, skipping dot folders and node_modules), except the paths in `exclude`. */
export function loadSources(dir: string, exclude: Iterable<string> = []): LoadedSources {
  const skip = new Set([...exclude].map((p) => resolve(p)));
  const inputs: SourceInput[] = [];
  const unreadable: Unreadable = [];
  for (const file of walk(dir)) {
    if (!SOURCE_FILE.test(file) || isSidecarPath(file) || skip.has(resolve(file))) continue;
    const read = readSourceFile(file);
    const { input, problems } = 'bytes' in read ? sourceInputOf(read, READERS) : { input: undefined, problems: read.problems };
    if (input) inputs.push(input);
    else unreadable.push({ file, problems });
  }
  const index = new WorkspaceIndex();
  index.upsertMany(inputs);
  return { index, unreadable };
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() || (e.isSymbolicLink() && linkIsFile(path))) yield path;
  }
}

/**
 * One line per source problem worth a reader's attention: every problem of a file that could not
 * be read, and the errors and warnings of the others (malformed sidecars, duplicate citekeys, bad encodings).
 */
export function sourceProblemLines({ index, unreadable }: LoadedSources): string[] {
  const lines: string[] = [];
  for (const { file, problems } of unreadable) for (const p of problems) lines.push(formatProblemLine(file, p) + '\n');
  for (const doc of index.sources()) {
    for (const p of doc.problems) {
      if (p.severity !== 'error' && p.severity !== 'warning') continue;
      lines.push(formatProblemLine(doc.path, p) + '\n');
    }
  }
  return lines;
}

/** A link to a file, or a dangling link (yielded so that reading it reports the problem). */
function linkIsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return true;
  }
}

/** A usage error: the CLI prints it with the usage text and exits 2. */
export class UsageError extends Error {}

/** Reads `--name value` / `--name=value` options and positional arguments. */
export function parseArgs(args: string[], valued: string[], flags: string[] = []): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (flags.includes(name)) {
      options.set(name, 'true');
    } else if (valued.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      options.set(name, value);
    } else throw new UsageError(`unknown option ${a}`);
  }
  return { options, positional };
}
