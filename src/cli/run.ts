// The command line: a thin adapter that reads files and hands them to the core. Output goes
// through `io` so tests run commands in-process and read what they print.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { stringify } from 'yaml';
import { extractionToJson } from '../core/export/extractionJson';
import { buildSource, sidecarPathFor } from '../core/source';
import { decodeSourceBytes } from '../core/text/decode';
import { CHECK_USAGE, checkCommand } from './check';
import { EXPORT_USAGE, exportCommand } from './export';
import { UsageError } from './sources';
import { formatProblemLine } from '../core/problemLine';

const USAGE = `Usage:
  claimdesk extract FILE... [--format json|yaml|jsonl]
      Extract claims, entities and figures. One file prints one JSON object;
      several print one JSON line each (with its "file").
${CHECK_USAGE}${EXPORT_USAGE}`;

type Format = 'json' | 'yaml' | 'jsonl';

/** Where a command writes: standard output and standard error. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Runs one CLI command and returns its exit status (0 fine, 1 problems found, 2 bad usage). */
export function runCli(argv: string[], io: CliIO): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'extract') return extractCommand(rest, io);
  if (command === 'check' || command === 'export') {
    try {
      return command === 'check' ? checkCommand(rest, io.out, io.err) : exportCommand(rest, io.out, io.err);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.err(`claimdesk ${command}: ${e.message}\n${USAGE}`);
      return 2;
    }
  }
  io.err(`claimdesk: unknown command "${command}"\n${USAGE}`);
  return 2;
}

function extractCommand(args: string[], io: CliIO): number {
  let format: Format | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'json' && v !== 'yaml' && v !== 'jsonl') {
        io.err(`claimdesk extract: --format must be json, yaml or jsonl (got "${v ?? ''}")\n`);
        return 2;
      }
      format = v;
    } else if (a.startsWith('-')) {
      io.err(`claimdesk extract: unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    io.err(`claimdesk extract: name at least one source file\n${USAGE}`);
    return 2;
  }
  const effective: Format = format ?? (files.length > 1 ? 'jsonl' : 'json');
  let failures = 0;
  for (const file of files) {
    const result = extractFile(file, io);
    if ('error' in result) {
      failures++;
      io.err(`claimdesk: ${file}: ${result.error}\n`);
      continue;
    }
    const out = files.length > 1 ? { file, ...result.json } : result.json;
    if (effective === 'yaml') io.out((files.length > 1 ? '---\n' : '') + stringify(out, { lineWidth: 0 }));
    else if (effective === 'jsonl') io.out(JSON.stringify(out) + '\n');
    else io.out(JSON.stringify(out, null, 2) + '\n');
  }
  return failures ? 1 : 0;
}

function extractFile(file: string, io: CliIO): { json: Record<string, unknown> } | { error: string } {
  if (!existsSync(file)) return { error: 'no such file' };
  if (statSync(file).isDirectory()) return { error: 'is a directory; name the source files' };
  const sidecarPath = sidecarPathFor(file);
  let bytes: Uint8Array;
  let sidecarText: string | undefined;
  try {
    bytes = readFileSync(file);
    sidecarText = existsSync(sidecarPath) && !statSync(sidecarPath).isDirectory() ? readFileSync(sidecarPath, 'utf8') : undefined;
  } catch (e) {
    // Unreadable (permissions, deleted meanwhile): one line for this file, the others go on.
    return { error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const decoded = decodeSourceBytes(bytes);
  if (decoded.text === undefined) return { error: decoded.problems.map((p) => p.message).join(' ') };
  const doc = buildSource({ path: file, text: decoded.text, sidecarText, sidecarPath });
  doc.problems.unshift(...decoded.problems);
  for (const p of doc.problems) io.err(formatProblemLine(file, p) + '\n');
  return { json: extractionToJson(doc) };
}

