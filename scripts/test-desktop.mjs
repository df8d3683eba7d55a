// npm run test:desktop — the integration specs in desktop VS Code (Electron) through
// @vscode/test-electron. It downloads VS Code (version from engines.vscode unless
// CLAIMDESK_VSCODE_VERSION is set), so it needs a machine that can reach update.code.visualstudio.com
// and a display (xvfb-run on a headless Linux box). Not part of `npm test`: the offline machines
// this project's CI runs on cannot download VS Code; npm test covers the Node host via code-server.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildBundles, copySampleWorkspace, root, watchdog } from './lib/hosts.mjs';

const { engines } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = process.env.CLAIMDESK_VSCODE_VERSION ?? engines.vscode.replace(/^[^\d]*/, '');

buildBundles('node,integration-node');
const workspace = copySampleWorkspace();
watchdog(Number(process.env.CLAIMDESK_TEST_TIMEOUT_MS ?? 900_000), 'desktop integration run');
try {
  await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/test/integration.node.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log(`desktop integration run (VS Code ${version}): ok`);
} catch (error) {
  console.error(`desktop integration run (VS Code ${version}) failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
