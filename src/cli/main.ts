// The `claimdesk` executable: runs one command with the process's arguments and streams. The same
// bundle runs the worker threads of `extract`'s pool.
import { extractCommandParallel, runPoolWorker } from './pool';
import { runCli, USAGE, type CliIO } from './run';
import { UsageError } from './sources';

const io: CliIO = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

async function main(argv: string[]): Promise<number> {
  if (argv[0] !== 'extract') return runCli(argv, io);
  try {
    return await extractCommandParallel(argv.slice(1), io, __filename);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`claimdesk extract: ${e.message}\n${USAGE}`);
    return 2;
  }
}

if (!runPoolWorker()) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`claimdesk: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
