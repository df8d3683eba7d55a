// npm run test:node — the same integration specs in the Node extension host (what desktop VS Code
// users run), served by code-server and driven from headless Debian chromium: the page opens with
// the `payload` URL parameter naming the extension under development and the test bundle, and the
// workbench reports the result through window.codeAutomationExit, as in @vscode/test-web.
// code-server listens on a port the OS picks for it (lib/code-server.mjs `startCodeServer`):
// concurrent runs on one machine never reach each other's server.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundles, copySampleWorkspace, openWorkbenchTests, quietHostNoise, root, watchdog } from './lib/hosts.mjs';
import { codeServerVersion, ensureCodeServer, startCodeServer } from './lib/code-server.mjs';

const timeoutMs = Number(process.env.CLAIMDESK_TEST_TIMEOUT_MS ?? 300_000);
const started = Date.now();
quietHostNoise();

buildBundles('node,integration-node');
const installStarted = Date.now();
ensureCodeServer();
const installSeconds = (Date.now() - installStarted) / 1000;
const workspace = copySampleWorkspace();
const stateDir = mkdtempSync(join(tmpdir(), 'claimdesk-code-server-'));
const serverLog = createWriteStream(join(stateDir, 'server.log'));
let server;
let tests;
const cleanup = async () => {
  await tests?.close();
  server?.stop();
  rmSync(workspace, { recursive: true, force: true });
  if (process.env.CLAIMDESK_KEEP_STATE !== '1') rmSync(stateDir, { recursive: true, force: true });
};
watchdog(timeoutMs, 'node integration run', cleanup);

let exitCode = 1;
try {
  server = await startCodeServer({ folder: workspace, stateDir, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], logFile: serverLog });
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(join(root, 'dist/test/integration.node.js'))],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`code-server ${codeServerVersion} on ${server.url}, workspace ${workspace}`);
  tests = openWorkbenchTests(url);
  exitCode = await tests.exitCode;
} catch (error) {
  console.error(`node integration run failed: ${error instanceof Error ? error.stack : error}`);
  if (server) console.error(`code-server output:\n${server.output().slice(-4000)}`);
} finally {
  await cleanup();
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`node integration run (code-server ${codeServerVersion}, Node extension host): ${exitCode === 0 ? 'ok' : 'FAILED'} in ${seconds} s${installSeconds > 5 ? ` (code-server install ${installSeconds.toFixed(0)} s)` : ''}`);
process.exit(exitCode === 0 ? 0 : 1);
