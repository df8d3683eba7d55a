// npm test — every check, in order: typecheck (both tsconfigs), lint, build, unit tests, the
// integration specs in the web worker host (VS Code for the Web) and in the Node host
// (code-server). Keeps going after a failure so one run reports everything, then prints
// `N passed, M failed` (tests, plus any failed check counted as one) and exits non-zero on failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/hosts.mjs';

const npx = (bin, ...args) => [join(root, 'node_modules', '.bin', bin), args];
const steps = [
  { name: 'typecheck', command: npx('tsc', '-p', 'tsconfig.json', '--noEmit') },
  { name: 'typecheck core (no Node types)', command: npx('tsc', '-p', 'tsconfig.core.json', '--noEmit') },
  { name: 'lint', command: npx('eslint', 'src', 'test') },
  { name: 'build', command: [process.execPath, ['esbuild.mjs']], gate: true },
  { name: 'unit tests', command: npx('mocha', '--reporter', 'dot', 'dist/test/unit.js'), counts: mochaCounts },
  { name: 'integration: web worker host', command: [process.execPath, ['scripts/test-web.mjs', '--no-build']], counts: integrationCounts },
  { name: 'integration: Node host (code-server)', command: [process.execPath, ['scripts/test-node.mjs', '--no-build']], counts: integrationCounts },
];

function mochaCounts(output) {
  const passed = Number(/(\d+) passing/.exec(output)?.[1] ?? 0);
  const failed = Number(/(\d+) failing/.exec(output)?.[1] ?? 0);
  return { passed, failed };
}

function integrationCounts(output) {
  const m = /claimdesk-integration: host=\w+ passed=(\d+) failed=(\d+)/.exec(output);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 0 };
}

function runStep([command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { output += d; process.stderr.write(d); });
    child.on('close', (code, signal) => resolve({ ok: code === 0, code: code ?? signal, output }));
  });
}

if (!existsSync(join(root, 'node_modules', '.bin', 'esbuild'))) {
  console.log('node_modules is missing: npm ci');
  const install = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(1);
}

const results = [];
let gateFailed = false;
for (const step of steps) {
  if (gateFailed) {
    results.push({ step, ok: false, skipped: true, passed: 0, failed: 0, seconds: 0 });
    continue;
  }
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const { ok, code, output } = await runStep(step.command);
  const counts = step.counts ? step.counts(output) : { passed: 0, failed: 0 };
  results.push({ step, ok, code, ...counts, seconds: (Date.now() - started) / 1000 });
  if (!ok && step.gate) gateFailed = true;
}

console.log('\n=== summary ===');
let passed = 0;
let failed = 0;
for (const r of results) {
  const tests = r.step.counts ? ` (${r.passed} passed, ${r.failed} failed)` : '';
  const status = r.skipped ? 'SKIPPED (build failed)' : r.ok ? 'ok' : `FAILED (exit ${r.code})`;
  console.log(`${status.padEnd(24)} ${r.step.name}${tests}  ${r.seconds.toFixed(1)} s`);
  passed += r.passed;
  // A failed check with no failed test in it (a type error, a crash, zero tests) still counts once.
  failed += r.failed || (r.ok ? 0 : 1);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
