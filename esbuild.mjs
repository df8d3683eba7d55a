// One build script for every bundle: the extension for the Node host (desktop) and the web worker
// host (vscode.dev), the CLI, and the test bundles. esbuild does not type-check: `npm run typecheck`.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
// --outdir=DIR writes the bundles under DIR instead of dist (the bench measures production sizes there).
const outRoot = [...args].find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);

// The persisted extraction cache is only valid for the engine that wrote it: stamp every bundle with
// a hash of the engine's sources. Watch builds get none (the engine changes under them: no cache).
function engineVersion() {
  const hash = createHash('sha256');
  for (const f of readdirSync('src/core', { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort()) {
    hash.update(f + '\0').update(readFileSync(`src/core/${f}`)).update('\0');
  }
  // The engine's runtime dependencies (yaml reads front matter and sidecars) count as engine too.
  const { version, dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
  hash.update(JSON.stringify(dependencies ?? {}));
  return `${version}+${hash.digest('hex').slice(0, 16)}`;
}

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
  define: { CLAIMDESK_ENGINE_VERSION: JSON.stringify(watch ? '' : engineVersion()) },
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
  define: { ...common.define, global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
  inject: ['test/integration/web-shims.js'],
};

// The integration runner learns its host, and the spec filter (`CLAIMDESK_TEST_GREP=hover npm run
// test:web`), at build time: a web worker extension host has no environment to read them from.
function integrationDefines(host) {
  return {
    'process.env.CLAIMDESK_TEST_HOST': JSON.stringify(host),
    'process.env.CLAIMDESK_TEST_GREP': JSON.stringify(process.env.CLAIMDESK_TEST_GREP ?? ''),
  };
}

// The HTML reader (linkedom + Readability, ~280 kB) is a chunk of its own that each host loads only
// when a workspace has web pages among its sources; its CSS parser is never used and is left out.
const htmlReader = (outfile) => ({ ...common, entryPoints: ['src/core/html/article.ts'], outfile, platform: 'browser', format: 'cjs', mainFields: ['browser', 'module', 'main'], alias: { 'cssomnom/parse': './src/core/html/noCss.ts' }, external: ['canvas'] });

const builds = {
  node: { ...common, entryPoints: ['src/vscode/extension.node.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  web: { ...common, entryPoints: ['src/vscode/extension.browser.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'] },
  'node-html': htmlReader('dist/html-reader.js'),
  'web-html': htmlReader('dist/web/html-reader.js'),
  cli: { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  unit: { ...common, sourcemap: true, minify: false, stdin: { contents: unitTestEntry(), resolveDir: 'test/unit', sourcefile: 'unit-index.ts', loader: 'ts' }, outfile: 'dist/test/unit.js', platform: 'node', format: 'cjs', external: ['mocha', 'fast-check', 'vscode-textmate', 'vscode-oniguruma'] },
  'integration-node': { ...common, minify: false, entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration.node.js', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'], define: { ...common.define, ...integrationDefines('node') } },
  // The browser build of mocha (a UMD file setting globalThis.mocha) is injected; `mocha` itself
  // stays external so the Node-only branch of the runner is dropped, never bundled.
  'integration-web': { ...common, minify: false, entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration.web.js', platform: 'browser', format: 'cjs', external: ['vscode', 'mocha'], mainFields: ['browser', 'module', 'main'], ...browserShims, inject: [...browserShims.inject, 'node_modules/mocha/mocha.js'], define: { ...common.define, ...browserShims.define, ...integrationDefines('web') } },
  // `npm run bench` only (not part of a default build).
  bench: { ...common, minify: false, sourcemap: true, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench/bench.js', platform: 'node', format: 'cjs', external: ['compromise'], onDemand: true },
};

const selected = Object.entries(builds)
  .filter(([name, options]) => (!only && !options.onDemand) || only?.some((o) => name === o || name.startsWith(o + '-')))
  .map(([name, { onDemand: _onDemand, ...options }]) => [name, outRoot ? { ...options, outfile: options.outfile.replace(/^dist\//, `${outRoot}/`) } : options]);
if (watch) {
  for (const [, options] of selected) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching', selected.map(([n]) => n).join(', '));
} else {
  await Promise.all(selected.map(([, options]) => esbuild.build(options)));
}
