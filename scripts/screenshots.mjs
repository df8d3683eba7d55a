// npm run screenshots — captures the README screenshots from the real editor: starts `npm start`
// (VS Code for the Web with Claimdesk on the sample workspace), drives it with playwright-core in
// Debian chromium, and writes docs/screenshots/{tree,hover,completion}.png. Nothing is drawn.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumBinary, root, watchdog } from './lib/hosts.mjs';

const outDir = join(root, 'docs', 'screenshots');
mkdirSync(outDir, { recursive: true });
const server = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], { cwd: root, env: { ...process.env, CLAIMDESK_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
let browser;
const stop = async () => {
  await browser?.close().catch(() => {});
  try {
    process.kill(-server.pid, 'SIGTERM'); // the server and anything it started
  } catch {
    // already gone
  }
};
watchdog(240_000, 'screenshots', stop);

const url = await new Promise((resolveUrl, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (m) resolveUrl(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`npm start exited (${code}) before serving:\n${out}`)));
});

const key = process.platform === 'darwin' ? 'Meta' : 'Control';
try {
  browser = await chromium.launch({ executablePath: chromiumBinary(), headless: true, args: ['--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

  // The memo, opened from the Explorer (the test file system has no file search for Quick Open).
  await page.keyboard.press(`${key}+Shift+E`); // shows the Explorer (clicking its icon would toggle it)
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'memos' }).first().click();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'land-for-ceasefire.md' }).first().dblclick();

  // The Sources tree, side bar widened so claims show speaker and confidence; a claim clicked
  // opens the source at that sentence, highlighted.
  await page.locator('.activitybar [aria-label^="Claimdesk"]').first().click();
  const source = page.locator('.monaco-list-row', { hasText: 'No deal agreed' }).first();
  await source.waitFor({ timeout: 60_000 });
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar) {
    await page.mouse.move(sidebar.x + sidebar.width + 1, 400);
    await page.mouse.down();
    await page.mouse.move(560, 400, { steps: 10 });
    await page.mouse.up();
  }
  // A handful of sources open expanded; a click would fold this one.
  if ((await source.getAttribute('aria-expanded')) !== 'true') await source.click();
  const claim = page.locator('.monaco-list-row', { hasText: 'Ukraine’s reconstruction will be costly' }).first();
  await claim.waitFor();
  await page.locator('.tabs-container .tab', { hasText: 'land-for-ceasefire.md' }).first().click();
  await claim.click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: join(outDir, 'tree.png') });

  // A hover card: the cursor on "US$524 billion" in the memo, Show Hover.
  await page.locator('.tabs-container .tab', { hasText: 'land-for-ceasefire.md' }).first().click();
  const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  await editor.waitFor();
  await page.locator('.view-line', { hasText: 'US$524 billion' }).first().waitFor();
  await editor.click();
  await page.keyboard.press(`${key}+F`);
  await page.keyboard.type('US$524 billion');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press(`${key}+K`);
  await page.keyboard.press(`${key}+I`);
  await page.locator('.monaco-hover', { hasText: 'World Bank' }).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, 'hover.png') });
  await page.keyboard.press('Escape');

  // Completion: a new line typing a citation matched on a claim's words.
  // On a new line mid-memo (above "## Recommendations"), the side bar hidden to give the list room.
  await page.keyboard.press(`${key}+B`);
  await page.keyboard.press(`${key}+F`);
  await page.keyboard.type('## Recommendations');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('Reconstruction costs are high [@world', { delay: 60 });
  await page.locator('.suggest-widget .monaco-list-row').first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+Space'); // show the selected item's sentence preview
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(outDir, 'completion.png') });
  console.log(`screenshots written to ${outDir}: tree.png, hover.png, completion.png`);
} finally {
  await stop();
}
process.exit(0);
