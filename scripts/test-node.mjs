// npm run test:node — the same integration specs in the Node extension host (what desktop VS Code
// users run), served by code-server and driven from headless Debian chromium: the page opens with
// the `payload` URL parameter naming the extension under development and the test bundle, and the
// workbench reports the result through window.codeAutomationExit, as in @vscode/test-web.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildBundles, chromiumBinary, copySampleWorkspace, freePort, quietHostNoise, root, watchdog } from './lib/hosts.mjs';
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
let browser;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  server?.stop();
  rmSync(workspace, { recursive: true, force: true });
  if (process.env.CLAIMDESK_KEEP_STATE !== '1') rmSync(stateDir, { recursive: true, force: true });
};
watchdog(timeoutMs, 'node integration run', cleanup);

let exitCode = 1;
try {
  const port = await freePort();
  server = await startCodeServer({ port, folder: workspace, stateDir, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], logFile: serverLog });
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(join(root, 'dist/test/integration.node.js'))],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  browser = await chromium.launch({ executablePath: chromiumBinary(), headless: true, args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', '--no-sandbox'] });
  const page = await browser.newPage();
  const result = new Promise((resolve) => {
    page.exposeFunction('codeAutomationLog', (type, args) => (console[type] ?? console.log)(...args));
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  await page.goto(url);
  exitCode = await result;
} catch (error) {
  console.error(`node integration run failed: ${error instanceof Error ? error.stack : error}`);
  if (server) console.error(`code-server output:\n${server.output().slice(-4000)}`);
} finally {
  await cleanup();
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`node integration run (code-server ${codeServerVersion}, Node extension host): ${exitCode === 0 ? 'ok' : 'FAILED'} in ${seconds} s${installSeconds > 5 ? ` (code-server install ${installSeconds.toFixed(0)} s)` : ''}`);
process.exit(exitCode === 0 ? 0 : 1);
