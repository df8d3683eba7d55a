// The command line: a thin adapter that reads files and hands them to the core. Output goes
// through `io` so tests run commands in-process and read what they print.
import { existsSync, statSync } from 'node:fs';
import { stringify } from 'yaml';
import { extractionToJson } from '../core/export/extractionJson';
import { formatProblemLine } from '../core/problemLine';
import { readSource } from '../core/source';
import { CHECK_USAGE, checkCommand } from './check';
import { EXPORT_USAGE, exportCommand } from './export';
import { parseArgs, readSourceFile, UsageError } from './sources';

const USAGE = `Usage:
  claimdesk extract FILE... [--format json|yaml|jsonl]
      Extract claims, entities and figures. One file prints one JSON object;
      several print one JSON line each (with its "file").
${CHECK_USAGE}${EXPORT_USAGE}`;

const SEE_HELP = 'see claimdesk --help\n';

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
  const commands: Record<string, (args: string[], io: CliIO) => number> = {
    extract: extractCommand,
    check: (args) => checkCommand(args, io.out, io.err),
    export: (args) => exportCommand(args, io.out, io.err),
  };
  const run = Object.prototype.hasOwnProperty.call(commands, command) ? commands[command] : undefined;
  if (run) {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    try {
      return run(rest, io);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      // What went wrong, on one line, and where the usage is: not the whole usage text again.
      io.err(`claimdesk ${command}: ${e.message}\n${SEE_HELP}`);
      return 2;
    }
  }
  io.err(`claimdesk: unknown command "${command}" (commands: ${Object.keys(commands).join(', ')})\n${SEE_HELP}`);
  return 2;
}

function extractCommand(args: string[], io: CliIO): number {
  const { options, positional: files } = parseArgs(args, ['--format']);
  const format = options.get('--format');
  if (format !== undefined && format !== 'json' && format !== 'yaml' && format !== 'jsonl') throw new UsageError(`--format must be json, yaml or jsonl (got "${format}")`);
  if (files.length === 0) throw new UsageError('name at least one source file');
  const effective: Format = format ?? (files.length > 1 ? 'jsonl' : 'json');
  let failures = 0;
  for (const file of files) {
    const json = extractFile(file, io);
    if (!json) {
      failures++;
      continue;
    }
    const out = files.length > 1 ? { file, ...json } : json;
    if (effective === 'yaml') io.out((files.length > 1 ? '---\n' : '') + stringify(out, { lineWidth: 0 }));
    else if (effective === 'jsonl') io.out(JSON.stringify(out) + '\n');
    else io.out(JSON.stringify(out, null, 2) + '\n');
  }
  return failures ? 1 : 0;
}

/** Prints the file's problems; returns its extraction as JSON, or undefined when it could not be read. */
function extractFile(file: string, io: CliIO): Record<string, unknown> | undefined {
  if (!existsSync(file) || statSync(file).isDirectory()) {
    io.err(formatProblemLine(file, { severity: 'error', code: 'not-a-file', message: existsSync(file) ? 'This is a folder; name the source files.' : 'No such file.' }) + '\n');
    return undefined;
  }
  const read = readSourceFile(file);
  const { doc, problems } = 'bytes' in read ? readSource(read) : { doc: undefined, problems: read.problems };
  for (const p of problems) io.err(formatProblemLine(file, p) + '\n');
  return doc && extractionToJson(doc);
}
