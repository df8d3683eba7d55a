// One build script for every bundle: the extension for the Node host (desktop) and the web worker
// host (vscode.dev), the CLI, and the test bundles. esbuild does not type-check: `npm run typecheck`.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
};

// Unit tests: every test/unit/**/*.test.ts, gathered at build time (esbuild has no require.context).
function unitTestEntry() {
  const files = readdirSync('test/unit', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  return files.map((f) => `import './${f.replace(/\\/g, '/')}';`).join('\n');
}

// Browser bundles get the small shims the npm `assert` package expects.
const browserShims = {
  define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
  inject: ['test/integration/web-shims.js'],
};

const builds = {
  node: { ...common, entryPoints: ['src/vscode/extension.node.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  web: { ...common, entryPoints: ['src/vscode/extension.browser.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'] },
  cli: { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  unit: { ...common, sourcemap: true, minify: false, stdin: { contents: unitTestEntry(), resolveDir: 'test/unit', sourcefile: 'unit-index.ts', loader: 'ts' }, outfile: 'dist/test/unit.js', platform: 'node', format: 'cjs', external: ['mocha', 'fast-check', 'vscode-textmate', 'vscode-oniguruma'] },
  'integration-node': { ...common, minify: false, entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration.node.js', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'] },
  'integration-web': { ...common, minify: false, entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration.web.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'], ...browserShims },
};

const selected = Object.entries(builds).filter(([name]) => !only || only.some((o) => name === o || name.startsWith(o + '-')));
if (watch) {
  for (const [, options] of selected) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching', selected.map(([n]) => n).join(', '));
} else {
  await Promise.all(selected.map(([, options]) => esbuild.build(options)));
}
