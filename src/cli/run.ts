// The command line: a thin adapter that reads files and hands them to the core. Output goes
// through `io` so tests run commands in-process and read what they print.
import { CHECK_USAGE, checkCommand } from './check';
import { CONFLICTS_USAGE, conflictsCommand } from './conflicts';
import { EXPORT_USAGE, exportCommand } from './export';
import { EXTRACT_USAGE, extractSerially, parseExtractArgs } from './extract';
import { UsageError } from './sources';

export const USAGE = `Usage:
${EXTRACT_USAGE}${CHECK_USAGE}${EXPORT_USAGE}${CONFLICTS_USAGE}`;

const SEE_HELP = 'see claimdesk --help\n';

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
    conflicts: (args) => conflictsCommand(args, io.out, io.err),
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
  return extractSerially(parseExtractArgs(args), io);
}
