// `claimdesk extract FILE...`: one file's extraction as the text the CLI prints, and the command
// itself, serially (in-process callers, tests) or over a pool of worker threads (the executable).
import { existsSync, statSync } from 'node:fs';
import { stringify } from 'yaml';
import { extractionToJson } from '../core/export/extractionJson';
import { formatProblemLine } from '../core/problemLine';
import { readSource } from '../core/source';
import { parseArgs, READERS, readSourceFile, UsageError } from './sources';

export const EXTRACT_USAGE = `  claimdesk extract FILE... [--format json|yaml|jsonl] [--jobs N] [--explain]
      Extract claims, entities and figures. One file prints one JSON object;
      several print one JSON line each (with its "file"), in the order named,
      each as soon as it and the ones before it are done. --jobs: threads
      to extract with (default: one per core, for batches worth it).
      --explain adds, for each claim and figure, the rules that set its kind,
      speaker, confidence and source, and what each block of the text is.
`;

export type ExtractFormat = 'json' | 'yaml' | 'jsonl';

/** What the CLI prints for one file: its output (empty when it could not be read) and its problem lines. */
export interface FileOutput {
  out: string;
  err: string;
  ok: boolean;
}

/** A parsed `extract` command line. */
export interface ExtractRequest {
  files: string[];
  format: ExtractFormat;
  /** Several files: each output carries its `file`. */
  multi: boolean;
  /** Threads asked for with --jobs, if any. */
  jobs?: number;
  /** Print the rules behind each claim and figure. */
  explain: boolean;
}

export function parseExtractArgs(args: string[]): ExtractRequest {
  const { options, positional: files } = parseArgs(args, ['--format', '--jobs'], ['--explain']);
  const format = options.get('--format');
  if (format !== undefined && format !== 'json' && format !== 'yaml' && format !== 'jsonl') throw new UsageError(`--format must be json, yaml or jsonl (got "${format}")`);
  const jobsOption = options.get('--jobs');
  const jobs = jobsOption === undefined ? undefined : Number(jobsOption);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs takes a whole number of threads, 1 or more (got "${jobsOption}")`);
  if (files.length === 0) throw new UsageError('name at least one source file');
  return { files, format: format ?? (files.length > 1 ? 'jsonl' : 'json'), multi: files.length > 1, jobs, explain: options.has('--explain') };
}

/** Extracts one file and formats what the CLI prints for it. No content hash: the CLI keeps no cache. */
export function extractFileOutput(file: string, format: ExtractFormat, multi: boolean, explain = false): FileOutput {
  if (!existsSync(file) || statSync(file).isDirectory()) {
    const message = existsSync(file) ? 'This is a folder; name the source files.' : 'No such file.';
    return { out: '', err: formatProblemLine(file, { severity: 'error', code: 'not-a-file', message }) + '\n', ok: false };
  }
  const read = readSourceFile(file);
  const { doc, problems } = 'bytes' in read ? readSource(read, READERS, { hash: false }) : { doc: undefined, problems: read.problems };
  let err = '';
  for (const p of problems) err += formatProblemLine(file, p) + '\n';
  if (!doc) return { out: '', err, ok: false };
  const json = extractionToJson(doc, { explain });
  const value = multi ? { file, ...json } : json;
  const out = format === 'yaml' ? (multi ? '---\n' : '') + stringify(value, { lineWidth: 0 }) : format === 'jsonl' ? JSON.stringify(value) + '\n' : JSON.stringify(value, null, 2) + '\n';
  return { out, err, ok: true };
}

/** The command on one thread: exit status 1 when a file could not be read. */
export function extractSerially(request: ExtractRequest, io: { out: (s: string) => void; err: (s: string) => void }): number {
  let failures = 0;
  for (const file of request.files) {
    const r = extractFileOutput(file, request.format, request.multi, request.explain);
    if (r.err) io.err(r.err);
    if (r.out) io.out(r.out);
    if (!r.ok) failures++;
  }
  return failures ? 1 : 0;
}
