// Reads a folder of sources (and their sidecars) from disk into a WorkspaceIndex for the CLI.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Problem } from '../core/model';
import { isSidecarPath, sidecarPathFor, type SourceInput } from '../core/source';
import { decodeSourceBytes } from '../core/text/decode';
import { WorkspaceIndex } from '../core/workspaceIndex';
import { formatProblemLine } from '../core/problemLine';

const SOURCE_FILE = /\.(?:txt|md|markdown)$/i;

export interface LoadedSources {
  index: WorkspaceIndex;
  /** Files that could not be read as text, with why. */
  unreadable: Array<{ file: string; problems: Problem[] }>;
}

/** Every .txt/.md source under dir (recursively, skipping dot folders and node_modules), except the paths in `exclude`. */
export function loadSources(dir: string, exclude: Iterable<string> = []): LoadedSources {
  const skip = new Set([...exclude].map((p) => resolve(p)));
  const inputs: SourceInput[] = [];
  const unreadable: LoadedSources['unreadable'] = [];
  for (const file of walk(dir)) {
    if (!SOURCE_FILE.test(file) || isSidecarPath(file) || skip.has(resolve(file))) continue;
    // One unreadable file (deleted meanwhile, dangling link, no permission) is reported, never fatal.
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      unreadable.push({ file, problems: [{ severity: 'error', code: 'unreadable-source', message: `Claimdesk could not read this file (${(e as NodeJS.ErrnoException).code ?? String(e)}); it was skipped.` }] });
      continue;
    }
    const decoded = decodeSourceBytes(bytes);
    if (decoded.text === undefined) {
      unreadable.push({ file, problems: decoded.problems });
      continue;
    }
    const sidecarPath = sidecarPathFor(file);
    const readProblems: Problem[] = [...decoded.problems];
    let sidecarText: string | undefined;
    try {
      sidecarText = existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : undefined;
    } catch (e) {
      readProblems.push({ severity: 'warning', code: 'sidecar-unreadable', file: sidecarPath, message: `The sidecar could not be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); the source was read without it.` });
    }
    inputs.push({ path: file, text: decoded.text, sidecarText, sidecarPath, readProblems });
  }
  const index = new WorkspaceIndex();
  index.upsertMany(inputs);
  return { index, unreadable };
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

/** One line per source problem worth a reader's attention (errors and warnings: malformed sidecars, duplicate citekeys, bad encodings). */
export function sourceProblemLines(index: WorkspaceIndex): string[] {
  const lines: string[] = [];
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
