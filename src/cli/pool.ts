// `claimdesk extract` over many files on several threads: this thread and worker threads (running
// this same bundle) extract files in parallel; output is printed in the order the files were named,
// each file as soon as it and every file before it are done (streaming JSON Lines).
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { extractFileOutput, extractSerially, parseExtractArgs, type ExtractFormat, type ExtractRequest, type FileOutput } from './extract';
import type { CliIO } from './run';

/**
 * Input bytes that pay for one more thread: a worker costs about 0.3 s of CPU to load the bundle and
 * warm up its JIT, about what it takes this thread to extract ~250 kB of cold text.
 */
const BYTES_PER_THREAD = 250_000;
/** Files a worker holds at once, so it does not idle while this thread is busy with a file of its own. */
const QUEUE_PER_WORKER = 3;

/** What a worker thread is told when it starts. */
interface WorkerSetup {
  claimdeskExtract: { format: ExtractFormat; multi: boolean; explain: boolean };
}

type Job = { i: number; file: string };
type Done = FileOutput & { i: number };

/** The part of a worker thread the pool uses (a fake in unit tests). */
export interface PoolWorker {
  postMessage(job: Job): void;
  on(event: 'message', listener: (done: Done) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  terminate(): unknown;
}

/**
 * Threads to extract with: --jobs when given, else one per idle core (cores less the load average,
 * as `make -l` does: a thread on a core another process keeps busy only adds its warm-up), and no
 * more than the input is worth.
 */
export function threadsFor(request: ExtractRequest, inputBytes: number, cores = availableParallelism(), load = loadavg()[0]): number {
  const idle = Math.max(1, Math.round(cores - load));
  const wanted = request.jobs ?? Math.min(idle, 1 + Math.floor(inputBytes / BYTES_PER_THREAD));
  return Math.max(1, Math.min(wanted, request.files.length));
}

/** The `extract` command as the executable runs it: on a pool of threads when that pays. */
export async function extractCommandParallel(args: string[], io: CliIO, scriptPath: string): Promise<number> {
  const request = parseExtractArgs(args);
  let bytes = 0;
  for (const file of request.files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // Reported when it is read.
    }
  }
  const threads = threadsFor(request, bytes);
  if (threads <= 1) return extractSerially(request, io);
  const setup: WorkerSetup = { claimdeskExtract: { format: request.format, multi: request.multi, explain: request.explain } };
  return extractOnThreads(request, io, threads - 1, () => new Worker(scriptPath, { workerData: setup }));
}

/**
 * Extracts on this thread and `workers` worker threads. A worker that fails hands its files back to
 * this thread, so every file is extracted exactly once and printed in order whatever happens.
 */
export async function extractOnThreads(request: ExtractRequest, io: CliIO, workers: number, spawn: () => PoolWorker): Promise<number> {
  const { files, format, multi } = request;
  const results: Array<FileOutput | undefined> = new Array(files.length);
  /** Files handed back by a failed worker, done by this thread first. */
  const retry: number[] = [];
  let next = 0;
  let printed = 0;
  let failures = 0;
  let wake: (() => void) | undefined;

  const print = () => {
    while (printed < files.length && results[printed]) {
      const r = results[printed]!;
      results[printed] = undefined;
      if (r.err) io.err(r.err);
      if (r.out) io.out(r.out);
      if (!r.ok) failures++;
      printed++;
    }
    if (printed === files.length) wake?.();
  };

  const pool = Array.from({ length: workers }, () => {
    const held = new Set<number>();
    const worker = spawn();
    let alive = true;
    const feed = () => {
      while (alive && held.size < QUEUE_PER_WORKER && next < files.length) {
        const i = next++;
        held.add(i);
        worker.postMessage({ i, file: files[i] });
      }
    };
    worker.on('message', (done: Done) => {
      held.delete(done.i);
      results[done.i] = { out: done.out, err: done.err, ok: done.ok };
      feed();
      print();
    });
    worker.on('error', () => {
      alive = false;
      retry.push(...held);
      held.clear();
      wake?.();
    });
    feed();
    return worker;
  });

  // This thread works too, one file at a time, giving the workers' messages a turn between files.
  for (;;) {
    const i = retry.length ? retry.shift()! : next < files.length ? next++ : -1;
    if (i >= 0) {
      results[i] = extractFileOutput(files[i], format, multi, request.explain);
      print();
      await new Promise<void>((resolve) => setImmediate(resolve));
      continue;
    }
    if (printed === files.length) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  for (const worker of pool) void worker.terminate();
  return failures ? 1 : 0;
}

/** Runs a worker thread of the pool when this bundle was started as one; false on the main thread. */
export function runPoolWorker(): boolean {
  const setup = workerData as WorkerSetup | undefined;
  if (!parentPort || !setup?.claimdeskExtract) return false;
  const { format, multi, explain } = setup.claimdeskExtract;
  const port = parentPort;
  port.on('message', (job: Job) => port.postMessage({ i: job.i, ...extractFileOutput(job.file, format, multi, explain) }));
  return true;
}
