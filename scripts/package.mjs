// npm run package — builds the production bundles (vscode:prepublish) and writes
// claimdesk-<version>.vsix with @vscode/vsce. The bundles inline every runtime dependency, so the
// package has no node_modules (--no-dependencies); .vscodeignore keeps sources and tests out.
// `npm run package -- --verify` then installs the .vsix into code-server
// (--install-extension) and checks in its Node extension host that Claimdesk activates and lists
// the sample source's claims in its view.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumBinary, copySampleWorkspace, root, watchdog } from './lib/hosts.mjs';

const { name, version, publisher } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `${name}-${version}.vsix`);
const vsce = join(root, 'node_modules', '.bin', 'vsce');

// README links stay relative (--no-rewrite-relative-links): the repository URL is not public, and
// the README's screenshots ship in the package, where the extension page resolves them.
// What may ship: the bundles, the manifest and docs, and the static contributions.
const allowed = [/^package\.json$/, /^(README|CHANGELOG)\.md$/, /^LICENSE$/, /^dist\/(extension|cli|html-reader|web\/extension|web\/html-reader)\.js$/, /^(resources|snippets|syntaxes|docs\/screenshots)\//];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}`);
  return result.stdout;
}

// Built before listing too: on a fresh clone `vsce ls` would otherwise see no dist/ at all.
run(process.execPath, ['esbuild.mjs', '--production', '--only=node,web,cli']);
const files = run(vsce, ['ls', '--no-dependencies']).split('\n').map((l) => l.trim()).filter(Boolean);
const unexpected = files.filter((f) => !allowed.some((re) => re.test(f)));
if (unexpected.length) throw new Error(`.vscodeignore lets these into the package: ${unexpected.join(', ')}`);
for (const bundle of ['dist/extension.js', 'dist/web/extension.js', 'dist/html-reader.js', 'dist/web/html-reader.js', 'dist/cli.js']) {
  if (!files.includes(bundle)) throw new Error(`the package would lack ${bundle}`);
}
process.stdout.write(run(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix]));
console.log(`${vsix.slice(root.length + 1)}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB, ${files.length} files`);

if (process.argv.includes('--verify')) await verifyInCodeServer();

async function verifyInCodeServer() {
  const { startCodeServer, installIntoCodeServer } = await import('./lib/code-server.mjs');
  const { chromium } = await import('playwright-core');
  const stateDir = mkdtempSync(join(tmpdir(), 'claimdesk-vsix-'));
  const workspace = copySampleWorkspace();
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    server?.stop();
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  };
  watchdog(300_000, 'vsix verification', cleanup);
  try {
    console.log(installIntoCodeServer(stateDir, vsix).trim());
    server = await startCodeServer({ folder: workspace, stateDir });
    browser = await chromium.launch({ executablePath: chromiumBinary(), headless: true, args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    // The activity bar entry comes from the manifest; the source's title only appears in the tree
    // once the installed extension activated in the Node host and indexed the workspace.
    await page.locator('.activitybar [aria-label^="Claimdesk"]').first().click({ timeout: 60_000 });
    const seedRow = page.locator('.pane-body .monaco-list-row', { hasText: 'No deal agreed' }).first();
    await seedRow.waitFor({ timeout: 60_000 });
    const installed = readdirSync(join(stateDir, 'extensions')).find((d) => d.startsWith(`${publisher}.${name}-${version}`));
    if (!installed) throw new Error('the .vsix did not unpack into the extensions folder');
    console.log(`verified: ${installed} installed into code-server, activated in the Node extension host, Sources view lists the sample source`);
  } catch (error) {
    console.error(`vsix verification failed: ${error instanceof Error ? error.message : error}`);
    if (server) console.error(server.output().slice(-3000));
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}
